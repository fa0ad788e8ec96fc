// Tells the exercises feature which exercise versions are frozen into a module version's pool (so an edit makes a
// new version instead of changing what a module was published with).
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ExerciseUsage, type ExerciseUsageSource } from '../exercises';
import { ModulesRepository } from './modules.repository';

@Injectable()
export class PooledExerciseUsage implements ExerciseUsageSource, OnModuleInit {
  constructor(
    private readonly usage: ExerciseUsage,
    private readonly modules: ModulesRepository,
  ) {}

  onModuleInit(): void {
    this.usage.register(this);
  }

  versionsInUse(versionIds: string[], m?: EntityManager): Promise<Set<string>> {
    return this.modules.versionsInPools(versionIds, m);
  }

  pooledIds(m?: EntityManager): Promise<string[]> {
    return this.modules.pooledIds(m);
  }

  modulesUsing(ids: string[], m?: EntityManager): Promise<Array<{ matched: string; id: string; title: string }>> {
    return this.modules.modulesPooling(ids, m);
  }
}
