// The bytes a media URL's token seals (signing.ts): a grant packed in binary, since every served item carries some
// 150 of these URLs.
//   0x01 ‖ asset id (16) ‖ user id (16) ‖ expiry (uint32, epoch seconds) ‖ scope
// where the scope is a kind byte and an id (16) for `attempt:<uuid>` and the like, or 0x00 and its UTF-8 text.
// A grant whose ids are not UUIDs (none in the product; tests name users freely) is sealed as the JSON
// ({"a","u","s","e"}) that every token carried before, which still decodes.

export interface MediaGrant {
  assetId: string;
  userId: string;
  scope: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

const FORMAT = 0x01;
/** Any case; ids come back lower-case, as PostgreSQL writes them. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Scope kinds packed as a byte (1 + index); any other scope is kept as text. */
const SCOPE_KINDS = ['attempt', 'assignment', 'preview', 'exercise'] as const;
const HEAD = 1 + 16 + 16 + 4;

function uuidBytes(id: string): Buffer {
  return Buffer.from(id.replaceAll('-', ''), 'hex');
}

function uuidText(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function encodeScope(scope: string): Buffer {
  const colon = scope.indexOf(':');
  const kind = SCOPE_KINDS.indexOf(scope.slice(0, colon) as (typeof SCOPE_KINDS)[number]);
  const id = scope.slice(colon + 1);
  if (colon > 0 && kind >= 0 && UUID.test(id)) return Buffer.concat([Buffer.of(kind + 1), uuidBytes(id)]);
  return Buffer.concat([Buffer.of(0), Buffer.from(scope, 'utf8')]);
}

function decodeScope(bytes: Buffer): string | null {
  if (bytes.length === 0) return null;
  if (bytes[0] === 0) return bytes.subarray(1).toString('utf8');
  const kind = SCOPE_KINDS[bytes[0]! - 1];
  return kind && bytes.length === 17 ? `${kind}:${uuidText(bytes.subarray(1))}` : null;
}

export function encodeGrant(grant: MediaGrant): Buffer {
  if (!Number.isInteger(grant.exp) || grant.exp < 0 || grant.exp > 0xffffffff)
    throw new Error(`a media grant's expiry must be whole seconds since the epoch (got ${grant.exp})`);
  if (!UUID.test(grant.assetId) || !UUID.test(grant.userId))
    return Buffer.from(JSON.stringify({ a: grant.assetId, u: grant.userId, s: grant.scope, e: grant.exp }));
  const exp = Buffer.alloc(4);
  exp.writeUInt32BE(grant.exp);
  return Buffer.concat([
    Buffer.of(FORMAT),
    uuidBytes(grant.assetId),
    uuidBytes(grant.userId),
    exp,
    encodeScope(grant.scope),
  ]);
}

/** The grant in `plain` (already authenticated by the seal), or null when it is not one. */
export function decodeGrant(plain: Buffer): MediaGrant | null {
  if (plain[0] === FORMAT) {
    if (plain.length <= HEAD) return null;
    const scope = decodeScope(plain.subarray(HEAD));
    if (scope === null) return null;
    return {
      assetId: uuidText(plain.subarray(1, 17)),
      userId: uuidText(plain.subarray(17, 33)),
      scope,
      exp: plain.readUInt32BE(33),
    };
  }
  return decodeJson(plain);
}

/** The JSON format: tokens sealed before the binary one, and grants whose ids are not UUIDs. */
function decodeJson(plain: Buffer): MediaGrant | null {
  let claims: { a?: unknown; u?: unknown; s?: unknown; e?: unknown };
  try {
    claims = JSON.parse(plain.toString('utf8'));
  } catch {
    return null;
  }
  if (
    typeof claims !== 'object' ||
    claims === null ||
    typeof claims.a !== 'string' ||
    typeof claims.u !== 'string' ||
    typeof claims.s !== 'string' ||
    typeof claims.e !== 'number'
  )
    return null;
  return { assetId: claims.a, userId: claims.u, scope: claims.s, exp: claims.e };
}
