// The seeder's own data access: the lock that lets one replica seed at a time, and the cohorts it assigns to.
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

/** Advisory lock key of the demo content (727001 is the demo organisation's, in demo-seed.ts). */
const DEMO_CONTENT_LOCK = 727002;

@Injectable()
export class DemoContentRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** Runs `work` in a transaction that holds the demo-content lock: one replica seeds, the others wait. */
  lockedTransaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.manager.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [DEMO_CONTENT_LOCK]);
      return work(m);
    });
  }

  // TODO(lead): CohortsService — the cohorts feature should answer this (e.g. `cohortsWithDemoTrainees()`); it
  // reads cohorts, cohort_members and users here because the seeder may not add to the cohorts feature in this change.
  /** The cohorts that have demo trainees (usernames trainee…), by name. */
  async demoCohortIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.manager.query(
      `SELECT c.id FROM cohorts c
        WHERE EXISTS (SELECT 1 FROM cohort_members m JOIN users u ON u.id = m.user_id
                       WHERE m.cohort_id = c.id AND u.username LIKE 'trainee%')
        ORDER BY c.name`,
    );
    return rows.map((r) => r.id);
  }
}
