// Signed media URLs: the token in the path is the credential (an <img> or OpenSeadragon cannot send a bearer).
// token = base64url(JSON {a: assetId, u: userId, s: scope, e: expiry in epoch seconds}) "." base64url(HMAC-SHA256)
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../common/errors/domain-error';

export interface MediaGrant {
  assetId: string;
  userId: string;
  scope: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

/** The URL-signing key: MEDIA_URL_SECRET, or one derived from the JWT secret (so replicas that share it agree). */
export function mediaUrlKey(secret: string | undefined, jwtSecret: string): Buffer {
  return secret
    ? Buffer.from(secret, 'utf8')
    : createHmac('sha256', jwtSecret).update('firstline/media-url/v1').digest();
}

export class UrlSigner {
  constructor(private readonly key: Buffer) {}

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.key).update(payload).digest();
  }

  sign(grant: MediaGrant): string {
    const payload = Buffer.from(
      JSON.stringify({ a: grant.assetId, u: grant.userId, s: grant.scope, e: grant.exp }),
    ).toString('base64url');
    return `${payload}.${this.mac(payload).toString('base64url')}`;
  }

  /** The grant a token carries, or 403 when it was not made by us or has expired. */
  verify(token: string, now = Date.now()): MediaGrant {
    const [payload, sig, extra] = token.split('.');
    const forged = new DomainError('forbidden', 'This image link is not valid');
    if (!payload || !sig || extra !== undefined) throw forged;
    const given = Buffer.from(sig, 'base64url');
    const expected = this.mac(payload);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw forged;
    let claims: { a?: unknown; u?: unknown; s?: unknown; e?: unknown };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw forged;
    }
    if (
      typeof claims.a !== 'string' ||
      typeof claims.u !== 'string' ||
      typeof claims.s !== 'string' ||
      typeof claims.e !== 'number'
    )
      throw forged;
    if (claims.e * 1000 <= now)
      throw new DomainError('forbidden', 'This image link has expired: reload the page to get a fresh one');
    return { assetId: claims.a, userId: claims.u, scope: claims.s, exp: claims.e };
  }
}
