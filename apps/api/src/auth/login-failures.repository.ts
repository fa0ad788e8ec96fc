// The auth feature's data layer: failed sign-ins (login_failures), kept in the database so throttling holds
// across API replicas. A sign-in counts itself as a failure before its password is checked (see AuthService), in a
// transaction that holds per-username and per-address locks, so parallel attempts cannot all read the same count.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { LoginFailure } from './login-failure.entity';

/** Failed sign-ins since a moment, for a username and for an address, with the first of each. */
export interface FailureCounts {
  byUser: number;
  byIp: number;
  firstByUser: Date | null;
  firstByIp: Date | null;
}

@Injectable()
export class LoginFailuresRepository {
  constructor(@InjectRepository(LoginFailure) private readonly failures: Repository<LoginFailure>) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.failures.manager.transaction(work);
  }

  /**
   * Serialises sign-in bookkeeping for this username and this address until the caller's transaction ends. Always
   * the username's lock first, then the address's, so two transactions never wait on each other in a cycle.
   */
  async lock(username: string, ip: string, m: EntityManager): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`login-user:${username}`]);
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`login-ip:${ip}`]);
  }

  async record(username: string, ip: string, m: EntityManager = this.failures.manager): Promise<void> {
    await m.getRepository(LoginFailure).insert({ username, ip });
  }

  async clear(username: string): Promise<void> {
    await this.failures.delete({ username });
  }

  async countSince(
    username: string,
    ip: string,
    since: Date,
    m: EntityManager = this.failures.manager,
  ): Promise<FailureCounts> {
    const [row]: Array<{ by_user: number; by_ip: number; first_user: Date | null; first_ip: Date | null }> =
      await m.query(
        `SELECT count(*) FILTER (WHERE username = $1)::int AS by_user, count(*) FILTER (WHERE ip = $2)::int AS by_ip,
              min(at) FILTER (WHERE username = $1) AS first_user, min(at) FILTER (WHERE ip = $2) AS first_ip
         FROM login_failures WHERE at > $3 AND (username = $1 OR ip = $2)`,
        [username, ip, since],
      );
    return { byUser: row.by_user, byIp: row.by_ip, firstByUser: row.first_user, firstByIp: row.first_ip };
  }
}
