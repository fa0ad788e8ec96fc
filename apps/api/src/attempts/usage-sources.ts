// What attempts tell the features below them, which must not read the attempts tables: exercises learn which
// versions were drawn and how often they were answered, modules how many attempts an assignment has and which
// documents officers have seen the truth of.
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ExerciseUsage, type ExerciseUsageSource } from '../exercises';
import { AssignmentUsage, type AssignmentAttemptsSource } from '../modules';
import { AttemptsRepository } from './attempts.repository';
import { ExposuresRepository } from './exposures.repository';

@Injectable()
export class AttemptUsageSources implements ExerciseUsageSource, AssignmentAttemptsSource, OnModuleInit {
  constructor(
    private readonly exerciseUsage: ExerciseUsage,
    private readonly assignmentUsage: AssignmentUsage,
    private readonly attempts: AttemptsRepository,
    private readonly exposures: ExposuresRepository,
  ) {}

  onModuleInit(): void {
    this.exerciseUsage.register(this);
    this.assignmentUsage.register(this);
  }

  versionsInUse(versionIds: string[], m?: EntityManager): Promise<Set<string>> {
    return this.attempts.versionsDrawn(versionIds, m);
  }

  responsesByVersion(versionIds: string[], m?: EntityManager): Promise<Map<string, number>> {
    return this.attempts.lockedResponsesByVersion(versionIds, m);
  }

  exposuresByExercise(exerciseIds: string[], m?: EntityManager): Promise<Map<string, number>> {
    return this.exposures.countsByExercise(exerciseIds, m);
  }

  attemptCount(assignmentId: string, m?: EntityManager): Promise<number> {
    return this.attempts.attemptCountAt(assignmentId, m);
  }

  exposedOf(userIds: string[], exerciseIds: string[], m?: EntityManager): Promise<Map<string, Set<string>>> {
    return this.exposures.exposedOf(userIds, exerciseIds, m);
  }
}
