// Who may see which cohort: the one place every feature asks (attempts, modules, cohorts, reports), so the scope
// rules of DESIGN.md's "least privilege" are written once.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../common/actor';

@Injectable()
export class AccessPolicy {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Ids of the cohorts the actor may see: admin all; supervisor the cohorts of their unit; instructor the cohorts
   * they run; trainee the cohorts they belong to. Pass the caller's manager to read inside its transaction.
   */
  async visibleCohortIds(actor: Actor, m: EntityManager = this.db.manager): Promise<string[]> {
    let rows: Array<{ id: string }>;
    if (actor.role === 'admin') rows = await m.query('SELECT id FROM cohorts');
    else if (actor.role === 'supervisor') rows = await m.query('SELECT id FROM cohorts WHERE unit_id = $1', [actor.unitId]);
    else if (actor.role === 'instructor')
      rows = await m.query('SELECT cohort_id AS id FROM cohort_instructors WHERE user_id = $1', [actor.id]);
    else rows = await m.query('SELECT cohort_id AS id FROM cohort_members WHERE user_id = $1', [actor.id]);
    return rows.map((r) => r.id);
  }

  /** Whether the actor may see the cohort (its members, assignments and attempts). */
  async canSeeCohort(actor: Actor, cohortId: string, m: EntityManager = this.db.manager): Promise<boolean> {
    if (actor.role === 'admin') return true;
    return (await this.visibleCohortIds(actor, m)).includes(cohortId);
  }
}
