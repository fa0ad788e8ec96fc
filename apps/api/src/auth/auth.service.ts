// Sign-in, rotating refresh tokens with reuse detection, and throttling of failed sign-ins.
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { LoginResponse, UserView } from '@firstline/contracts';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import { AppConfig, APP_CONFIG } from '../config/config';
import { DomainError } from '../common/domain-error';
import { User } from '../users/user.entity';
import { mapUser } from '../users/user.mapper';
import { LoginFailure } from './login-failure.entity';
import { hashPassword, verifyPassword } from './passwords';
import { RefreshToken } from './refresh-token.entity';

export interface Session extends LoginResponse {
  refreshToken: string;
  refreshExpiresAt: Date;
}

/** A refresh token replayed within this many seconds of its rotation is a concurrent tab, not a theft. */
const REUSE_GRACE_SECONDS = 10;
const INVALID_CREDENTIALS = 'Invalid username or password';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(RefreshToken) private readonly tokens: Repository<RefreshToken>,
    @InjectRepository(LoginFailure) private readonly failures: Repository<LoginFailure>,
  ) {}

  async login(usernameRaw: string, password: string, ip: string): Promise<Session> {
    const username = usernameRaw.trim().toLowerCase();
    await this.assertNotThrottled(username, ip);
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .leftJoinAndSelect('u.unit', 'unit')
      .where('u.username = :username', { username })
      .getOne();
    const ok = await verifyPassword(user?.passwordHash, password);
    if (!user || !ok || !user.active) {
      await this.failures.insert({ username, ip });
      this.logger.warn({ username, ip }, 'failed sign-in');
      throw new DomainError('unauthorized', INVALID_CREDENTIALS);
    }
    await this.failures.delete({ username });
    return this.issue(user, randomUUID());
  }

  async refresh(token: string | undefined): Promise<Session> {
    if (!token) throw new DomainError('unauthorized', 'No active session');
    // One transaction holding the token's row lock: a concurrent refresh with the same token waits here until this
    // one has rotated it and stored the successor, then takes the grace path instead of seeing a dead family.
    const session = await this.db.transaction(async (m): Promise<Session | null> => {
      const found = await m
        .getRepository(RefreshToken)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.tokenHash = :hash', { hash: sha256(token) })
        .getOne();
      if (!found || found.expiresAt.getTime() <= Date.now()) return null;
      if (found.revokedAt) {
        const sinceRevoked = (Date.now() - found.revokedAt.getTime()) / 1000;
        const familyAlive = await m.exists(RefreshToken, { where: { familyId: found.familyId, revokedAt: IsNull() } });
        if (!(familyAlive && sinceRevoked <= REUSE_GRACE_SECONDS)) {
          // A rotated token came back: someone holds a copy. End the whole session.
          await m.update(RefreshToken, { familyId: found.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
          this.logger.warn({ userId: found.userId, familyId: found.familyId }, 'refresh token reuse: session revoked');
          return null;
        }
      } else {
        await m.update(RefreshToken, { id: found.id }, { revokedAt: new Date() });
      }
      const user = await m.findOne(User, { where: { id: found.userId }, relations: { unit: true } });
      if (!user || !user.active) return null;
      return this.issue(user, found.familyId, m);
    });
    if (!session) throw new DomainError('unauthorized', 'Session expired; sign in again');
    return session;
  }

  async logout(token: string | undefined): Promise<void> {
    if (!token) return;
    const found = await this.tokens.findOne({ where: { tokenHash: sha256(token) } });
    if (found) await this.tokens.update({ familyId: found.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async changePassword(userId: string, current: string, next: string): Promise<void> {
    const user = await this.users.createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :userId', { userId }).getOne();
    if (!user || !(await verifyPassword(user.passwordHash, current))) throw new DomainError('invalid', 'The current password is not correct');
    if (current === next) throw new DomainError('invalid', 'The new password must differ from the current one');
    const passwordHash = await hashPassword(next);
    await this.db.transaction(async (m) => {
      await m.update(User, { id: userId }, { passwordHash });
      // Every other session ends with a password change.
      await m.update(RefreshToken, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    });
  }

  async me(userId: string): Promise<UserView> {
    const user = await this.users.findOne({ where: { id: userId }, relations: { unit: true } });
    if (!user) throw new DomainError('unauthorized', 'Session expired or invalid; sign in again');
    return mapUser(user);
  }

  private async assertNotThrottled(username: string, ip: string): Promise<void> {
    const windowSeconds = this.config.LOGIN_FAILURE_WINDOW_SECONDS;
    const since = new Date(Date.now() - windowSeconds * 1000);
    const [row] = await this.db.query(
      `SELECT count(*) FILTER (WHERE username = $1)::int AS by_user, count(*) FILTER (WHERE ip = $2)::int AS by_ip,
              min(at) FILTER (WHERE username = $1) AS first_user, min(at) FILTER (WHERE ip = $2) AS first_ip
         FROM login_failures WHERE at > $3 AND (username = $1 OR ip = $2)`,
      [username, ip, since],
    );
    const limited =
      row.by_user >= this.config.LOGIN_MAX_FAILURES_PER_USER ? row.first_user : row.by_ip >= this.config.LOGIN_MAX_FAILURES_PER_IP ? row.first_ip : null;
    if (limited) {
      const retryAfter = Math.max(1, Math.ceil((new Date(limited).getTime() + windowSeconds * 1000 - Date.now()) / 1000));
      throw new DomainError('too_many_requests', `Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`, undefined, {
        'Retry-After': String(retryAfter),
      });
    }
  }

  private async issue(user: User, familyId: string, manager: EntityManager = this.db.manager): Promise<Session> {
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role }, { expiresIn: this.config.ACCESS_TOKEN_TTL });
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL * 1000);
    await manager.insert(RefreshToken, { userId: user.id, familyId, tokenHash: sha256(refreshToken), expiresAt: refreshExpiresAt, revokedAt: null });
    return { accessToken, expiresIn: this.config.ACCESS_TOKEN_TTL, user: mapUser(user), refreshToken, refreshExpiresAt };
  }
}
