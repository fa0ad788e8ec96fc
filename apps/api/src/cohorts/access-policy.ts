// Who may see which cohort and which user, who may change a cohort, and whose exercises and modules an actor sees:
// the one place every feature asks (users, cohorts, attempts, exercises, modules, reports), so the scope rules of
// DESIGN.md's "least privilege" are written once.
import type { Role } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '../common/decorators/actor';
import { CohortsRepository } from './cohorts.repository';

/**
 * The users an actor may see, as a filter the users feature applies to its own table:
 * `everyone` (admin); `unit` — the users of one unit (supervisor); `trainees` — trainees of one unit plus the
 * trainees with these ids (instructor: their unit's trainees and the members of the cohorts they run);
 * `self` — only that user (trainee).
 */
export type UserScope =
  | { kind: 'everyone' }
  | { kind: 'unit'; unitId: string | null }
  | { kind: 'trainees'; unitId: string | null; alsoUserIds: string[] }
  | { kind: 'self'; userId: string };

/**
 * The exercises and modules an actor may see, as a filter their features apply to their own tables: `every` unit
 * (admin), or `unit` — one unit's (instructor, supervisor; null: none).
 */
export type ContentScope = { kind: 'every' } | { kind: 'unit'; unitId: string | null };

/** What the policy needs to know about a user to decide whether an actor may see them. */
export interface UserFacts {
  id: string;
  role: Role;
  unitId: string | null;
}

@Injectable()
export class AccessPolicy {
  constructor(private readonly cohorts: CohortsRepository) {}

  /**
   * Ids of the cohorts the actor may see: admin all; supervisor the cohorts of their unit; instructor the cohorts
   * they run; trainee the cohorts they belong to. Pass the caller's manager to read inside its transaction.
   */
  visibleCohortIds(actor: Actor, m?: EntityManager): Promise<string[]> {
    if (actor.role === 'admin') return this.cohorts.allIds(m);
    if (actor.role === 'supervisor') return this.cohorts.idsInUnit(actor.unitId, m);
    if (actor.role === 'instructor') return this.cohorts.idsRunBy(actor.id, m);
    return this.cohorts.idsWithMember(actor.id, m);
  }

  /** Whether the actor may see the cohort (its members, assignments and attempts). */
  async canSeeCohort(actor: Actor, cohortId: string, m?: EntityManager): Promise<boolean> {
    if (actor.role === 'admin') return true;
    return (await this.visibleCohortIds(actor, m)).includes(cohortId);
  }

  /** Whether the actor may change the cohort (its details, instructors, members): only its instructors or an admin. */
  async canRunCohort(actor: Actor, cohortId: string, m?: EntityManager): Promise<boolean> {
    if (actor.role === 'admin') return true;
    if (actor.role !== 'instructor') return false;
    return this.cohorts.runs(actor.id, cohortId, m);
  }

  /** The users the actor may see (see UserScope). */
  async userScope(actor: Actor, m?: EntityManager): Promise<UserScope> {
    if (actor.role === 'admin') return { kind: 'everyone' };
    if (actor.role === 'supervisor') return { kind: 'unit', unitId: actor.unitId };
    if (actor.role === 'instructor') {
      return {
        kind: 'trainees',
        unitId: actor.unitId,
        alsoUserIds: await this.cohorts.memberIdsOfCohortsRunBy(actor.id, m),
      };
    }
    return { kind: 'self', userId: actor.id };
  }

  /** Whether the actor may see this user: the same rule as userScope, for one user the caller has already read. */
  async canSeeUser(actor: Actor, user: UserFacts, m?: EntityManager): Promise<boolean> {
    if (actor.role === 'admin') return true;
    if (actor.role === 'supervisor') return actor.unitId !== null && user.unitId === actor.unitId;
    if (actor.role === 'instructor') {
      if (user.role !== 'trainee') return false;
      if (actor.unitId !== null && user.unitId === actor.unitId) return true;
      return (await this.cohorts.memberIdsOfCohortsRunBy(actor.id, m)).includes(user.id);
    }
    return user.id === actor.id;
  }

  /** Whose exercises and modules the actor may see (see ContentScope); trainees see none through these routes. */
  contentScope(actor: Actor): ContentScope {
    if (actor.role === 'admin') return { kind: 'every' };
    return { kind: 'unit', unitId: actor.role === 'trainee' ? null : actor.unitId };
  }

  /** Whether the actor may see an exercise or module of this unit: admin all; staff their own unit's only. */
  canSeeUnitContent(actor: Actor, unitId: string | null): boolean {
    const scope = this.contentScope(actor);
    return scope.kind === 'every' || (scope.unitId !== null && scope.unitId === unitId);
  }

  /** Whether the actor may change it (edit, publish, assign): admin, or an instructor of its unit. */
  canChangeUnitContent(actor: Actor, unitId: string | null): boolean {
    return actor.role === 'admin' || (actor.role === 'instructor' && this.canSeeUnitContent(actor, unitId));
  }
}
