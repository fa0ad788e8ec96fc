// The demo history's own data access: a transaction holding the demo-history lock, so that of several replicas
// starting together one records a trainee's history and the others then find it recorded.
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

/** Advisory lock key of the demo history (727001: demo organisation, 727002: demo content). */
const DEMO_HISTORY_LOCK = 727003;

@Injectable()
export class DemoHistoryRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  lockedTransaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.manager.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [DEMO_HISTORY_LOCK]);
      return work(m);
    });
  }
}
