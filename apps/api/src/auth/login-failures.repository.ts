// The auth feature's data layer: failed sign-ins (login_failures), kept in the database so throttling holds
// across API replicas.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
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

  async record(username: string, ip: string): Promise<void> {
    await this.failures.insert({ username, ip });
  }

  async clear(username: string): Promise<void> {
    await this.failures.delete({ username });
  }

  async countSince(username: string, ip: string, since: Date): Promise<FailureCounts> {
    const [row]: Array<{ by_user: number; by_ip: number; first_user: Date | null; first_ip: Date | null }> =
      await this.failures.query(
        `SELECT count(*) FILTER (WHERE username = $1)::int AS by_user, count(*) FILTER (WHERE ip = $2)::int AS by_ip,
              min(at) FILTER (WHERE username = $1) AS first_user, min(at) FILTER (WHERE ip = $2) AS first_ip
         FROM login_failures WHERE at > $3 AND (username = $1 OR ip = $2)`,
        [username, ip, since],
      );
    return { byUser: row.by_user, byIp: row.by_ip, firstByUser: row.first_user, firstByIp: row.first_ip };
  }
}
