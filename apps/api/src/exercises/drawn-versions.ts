// Exercise versions as attempts read them, remembered in memory. A version never changes once written (an edit makes
// a new one), and one drawn into an attempt is committed, so a remembered copy is never stale — on any replica. Every
// item served and every answer reads its version (truth, images, parts: the largest row in the exam's path), so
// remembering them takes a statement and its row mapping off each exam request.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BoundedMap } from '../common/memory/bounded-map';
import type { ExerciseVersionRecord } from './exercises.mapper';
import { ExercisesRepository } from './exercises.repository';

/** Versions remembered at most (a few kB each): far more than the pools of the assessments running at once. */
const CAPACITY = 2000;

@Injectable()
export class DrawnVersions {
  private readonly remembered = new BoundedMap<string, ExerciseVersionRecord>(CAPACITY);

  constructor(private readonly exercises: ExercisesRepository) {}

  /** The versions with these ids that exist, each read from the database at most once while remembered. */
  async get(ids: string[], m?: EntityManager): Promise<ExerciseVersionRecord[]> {
    const missing = ids.filter((id) => !this.remembered.has(id));
    if (missing.length) {
      for (const version of await this.exercises.versionsByIds([...new Set(missing)], m)) {
        this.remembered.set(version.id, version);
      }
    }
    return ids.flatMap((id) => this.remembered.get(id) ?? []);
  }
}
