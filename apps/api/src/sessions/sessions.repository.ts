// The sessions feature's data layer: the refresh_tokens table.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { RefreshToken } from './refresh-token.entity';

export interface NewRefreshToken {
  userId: string;
  familyId: string;
  tokenHash: string;
  expiresAt: Date;
}

@Injectable()
export class SessionsRepository {
  constructor(@InjectRepository(RefreshToken) private readonly tokens: Repository<RefreshToken>) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.tokens.manager.transaction(work);
  }

  private repo(m?: EntityManager): Repository<RefreshToken> {
    return m ? m.getRepository(RefreshToken) : this.tokens;
  }

  findByHash(tokenHash: string, m?: EntityManager): Promise<RefreshToken | null> {
    return this.repo(m).findOne({ where: { tokenHash } });
  }

  /** The token row, locked until the caller's transaction ends (a concurrent refresh with it waits). */
  findByHashForUpdate(tokenHash: string, m: EntityManager): Promise<RefreshToken | null> {
    return this.repo(m)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .where('t.tokenHash = :tokenHash', { tokenHash })
      .getOne();
  }

  /** Whether the family (one sign-in) still has a token that is not revoked. */
  familyAlive(familyId: string, m?: EntityManager): Promise<boolean> {
    return this.repo(m).exists({ where: { familyId, revokedAt: IsNull() } });
  }

  async insert(token: NewRefreshToken, m?: EntityManager): Promise<void> {
    await this.repo(m).insert({ ...token, revokedAt: null });
  }

  async revoke(id: string, m?: EntityManager): Promise<void> {
    await this.repo(m).update({ id }, { revokedAt: new Date() });
  }

  async revokeFamily(familyId: string, m?: EntityManager): Promise<void> {
    await this.repo(m).update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAllOfUser(userId: string, m?: EntityManager): Promise<void> {
    await this.repo(m).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
