// The seeder's own data access: the lock that lets one replica seed at a time.
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

/** Advisory lock key of the demo content (727001 is the demo organisation's, in database/demo-organisation.ts). */
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
}
