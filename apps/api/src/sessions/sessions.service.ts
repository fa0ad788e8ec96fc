// Sessions: rotating refresh tokens grouped in families (one family per sign-in) with reuse detection.
// Below users and auth: auth starts and rotates sessions, users ends them when an account is deactivated or its
// password reset, and this feature depends on neither.
import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig, APP_CONFIG } from '../config/config';
import { SessionsRepository } from './sessions.repository';

/** A refresh token handed to the client (the database keeps only its hash). */
export interface IssuedRefreshToken {
  refreshToken: string;
  refreshExpiresAt: Date;
}

/** Whose session a rotated token belonged to. */
export interface RotatedSession {
  userId: string;
  familyId: string;
}

/** A refresh token replayed within this many seconds of its rotation is a concurrent tab, not a theft. */
const REUSE_GRACE_SECONDS = 10;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: SessionsRepository,
  ) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.tokens.transaction(work);
  }

  /** A new refresh token in the family (a new family is a new sign-in). */
  async issue(userId: string, familyId: string, m?: EntityManager): Promise<IssuedRefreshToken> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL * 1000);
    await this.tokens.insert({ userId, familyId, tokenHash: sha256(refreshToken), expiresAt: refreshExpiresAt }, m);
    return { refreshToken, refreshExpiresAt };
  }

  /**
   * Retires the token and says whose session it was, or null when the session is over. Run it in a transaction
   * and issue the successor in the same one: the token's row stays locked, so a concurrent refresh with the same
   * token waits until the successor is stored, then takes the grace path instead of seeing a dead family.
   */
  async rotate(token: string, m: EntityManager): Promise<RotatedSession | null> {
    const found = await this.tokens.findByHashForUpdate(sha256(token), m);
    if (!found || found.expiresAt.getTime() <= Date.now()) return null;
    if (found.revokedAt) {
      const sinceRevoked = (Date.now() - found.revokedAt.getTime()) / 1000;
      const familyAlive = await this.tokens.familyAlive(found.familyId, m);
      if (!(familyAlive && sinceRevoked <= REUSE_GRACE_SECONDS)) {
        // A rotated token came back: someone holds a copy. End the whole session.
        await this.tokens.revokeFamily(found.familyId, m);
        this.logger.warn({ userId: found.userId, familyId: found.familyId }, 'refresh token reuse: session revoked');
        return null;
      }
    } else {
      await this.tokens.revoke(found.id, m);
    }
    return { userId: found.userId, familyId: found.familyId };
  }

  /** Ends the session the token belongs to (sign-out). An unknown token is ignored. */
  async end(token: string): Promise<void> {
    const found = await this.tokens.findByHash(sha256(token));
    if (found) await this.tokens.revokeFamily(found.familyId);
  }

  /** Ends every session of the user (deactivation, password change or reset). */
  async endAllOf(userId: string, m?: EntityManager): Promise<void> {
    await this.tokens.revokeAllOfUser(userId, m);
  }
}
