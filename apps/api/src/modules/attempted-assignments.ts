// The assignments that attempts run, remembered in memory. An assignment never changes once made (no route edits it;
// it is withdrawn only while nobody has started it) and the module version it assigns is frozen, so the assignment
// of an existing attempt is never stale — on any replica. Every item served and every answer reads it (the version's
// pool and settings), so remembering it takes a statement and its JSON off each exam request.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BoundedMap } from '../common/memory/bounded-map';
import type { AssignmentWithVersion } from './modules.mapper';
import { ModulesRepository } from './modules.repository';

/** Assignments remembered at most (a few kB each): far more than run at once. */
const CAPACITY = 1000;

@Injectable()
export class AttemptedAssignments {
  private readonly remembered = new BoundedMap<string, AssignmentWithVersion>(CAPACITY);

  constructor(private readonly modules: ModulesRepository) {}

  /** The assignment with its version, read from the database at most once while remembered; null if there is none. */
  async get(id: string, m?: EntityManager): Promise<AssignmentWithVersion | null> {
    const remembered = this.remembered.get(id);
    if (remembered) return remembered;
    const assignment = await this.modules.assignmentWithVersion(id, m);
    if (assignment) this.remembered.set(id, assignment);
    return assignment;
  }
}
