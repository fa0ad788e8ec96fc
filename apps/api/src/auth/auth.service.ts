// Sign-in, token refresh and sign-out, password change, and throttling of failed sign-ins. The accounts are the
// users feature's; the refresh-token sessions are the sessions feature's.
import { randomUUID } from 'node:crypto';
import type { LoginResponse, UserView } from '@firstline/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { AppConfig, APP_CONFIG } from '../config/config';
import { SessionsService } from '../sessions';
import { Account, hashPassword, UsersService, verifyPassword } from '../users';
import { FailureCounts, LoginFailuresRepository } from './login-failures.repository';

export interface Session extends LoginResponse {
  refreshToken: string;
  refreshExpiresAt: Date;
}

const INVALID_CREDENTIALS = 'Invalid username or password';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly failures: LoginFailuresRepository,
  ) {}

  async login(usernameRaw: string, password: string, ip: string): Promise<Session> {
    const username = usernameRaw.trim().toLowerCase();
    // The attempt is counted as a failure before the password is checked, atomically with the throttle check, so
    // parallel attempts cannot all pass on the same count; a successful sign-in clears the username's failures.
    await this.countAttempt(username, ip);
    const found = await this.users.credentials(username);
    const passwordMatches = await verifyPassword(found?.passwordHash, password);
    if (!found || !passwordMatches || !found.account.active) {
      this.logger.warn({ username, ip }, 'failed sign-in');
      throw new DomainError('unauthorized', INVALID_CREDENTIALS);
    }
    await this.failures.clear(username);
    return this.issue(found.account, randomUUID());
  }

  async refresh(token: string | undefined): Promise<Session> {
    if (!token) throw new DomainError('unauthorized', 'No active session');
    // One transaction holding the token's row lock (see SessionsService.rotate).
    const session = await this.sessions.transaction(async (m): Promise<Session | null> => {
      const rotated = await this.sessions.rotate(token, m);
      if (!rotated) return null;
      const account = await this.users.account(rotated.userId, m);
      if (!account || !account.active) return null;
      return this.issue(account, rotated.familyId, m);
    });
    if (!session) throw new DomainError('unauthorized', 'Session expired; sign in again');
    return session;
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.sessions.end(token);
  }

  async changePassword(userId: string, current: string, next: string): Promise<void> {
    const storedHash = await this.users.passwordHashOf(userId);
    if (!storedHash || !(await verifyPassword(storedHash, current)))
      throw new DomainError('invalid', 'The current password is not correct');
    if (current === next) throw new DomainError('invalid', 'The new password must differ from the current one');
    const passwordHash = await hashPassword(next);
    await this.sessions.transaction(async (m) => {
      await this.users.setPasswordHash(userId, passwordHash, m);
      // Every other session ends with a password change.
      await this.sessions.endAllOf(userId, m);
    });
  }

  async me(userId: string): Promise<UserView> {
    const account = await this.users.account(userId);
    if (!account) throw new DomainError('unauthorized', 'Session expired or invalid; sign in again');
    return account.view;
  }

  /** Answers 429 when the username or the address is over its limit; otherwise records this attempt as a failure. */
  private async countAttempt(username: string, ip: string): Promise<void> {
    const windowSeconds = this.config.LOGIN_FAILURE_WINDOW_SECONDS;
    const since = new Date(Date.now() - windowSeconds * 1000);
    const failures = await this.failures.transaction(async (m) => {
      await this.failures.lock(username, ip, m);
      const counts = await this.failures.countSince(username, ip, since, m);
      if (!this.limitedSince(counts)) await this.failures.record(username, ip, m);
      return counts;
    });
    const limitedSince = this.limitedSince(failures);
    if (limitedSince) {
      const retryAfter = Math.max(
        1,
        Math.ceil((new Date(limitedSince).getTime() + windowSeconds * 1000 - Date.now()) / 1000),
      );
      const message = `Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`;
      throw new DomainError('too_many_requests', message, undefined, { 'Retry-After': String(retryAfter) });
    }
  }

  private limitedSince(failures: FailureCounts): Date | null {
    return failures.byUser >= this.config.LOGIN_MAX_FAILURES_PER_USER
      ? failures.firstByUser
      : failures.byIp >= this.config.LOGIN_MAX_FAILURES_PER_IP
        ? failures.firstByIp
        : null;
  }

  private async issue(account: Account, familyId: string, m?: EntityManager): Promise<Session> {
    const accessToken = await this.jwt.signAsync(
      { sub: account.id, role: account.role },
      { expiresIn: this.config.ACCESS_TOKEN_TTL },
    );
    const { refreshToken, refreshExpiresAt } = await this.sessions.issue(account.id, familyId, m);
    return { accessToken, expiresIn: this.config.ACCESS_TOKEN_TTL, user: account.view, refreshToken, refreshExpiresAt };
  }
}
