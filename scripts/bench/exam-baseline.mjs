// The exam benchmark's baseline: the least a hand-written server can do for the same exam traffic — node:http and pg,
// no framework, no validation, no access rules beyond the token's signature — with the same database work as
// FirstLine's: serving an item starts its clock and reads its exercise; an answer locks the attempt and the item,
// checks the idempotency receipt, reads the exercise, stores the answer, its report fact and the daily roll-up and the
// receipt, in one transaction. Images are streamed from the local media folder. Run as a child of exam.mjs:
//   node exam-baseline.mjs   (DATABASE_URL, PORT, MEDIA_DIR, JWT_SECRET, DB_POOL_SIZE in the environment)
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

// pg is the API's dependency, resolved from here as the other benchmarks do.
const { Pool } = createRequire(import.meta.url)('pg');
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 20) });
const secret = process.env.JWT_SECRET;
const mediaDir = process.env.MEDIA_DIR;

/** The user id of a valid HS256 bearer token, or null. */
function userOf(req) {
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const [header, payload, signature] = token?.split('.') ?? [];
  if (!signature) return null;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  if (expected !== signature) return null;
  return JSON.parse(Buffer.from(payload, 'base64url').toString()).sub;
}

async function transaction(work) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

async function serveItem(userId, attemptId, n) {
  return transaction(async (c) => {
    const { rows } = await c.query(
      `UPDATE attempt_items i SET first_served_at = coalesce(i.first_served_at, now())
         FROM attempts a WHERE a.id = i.attempt_id AND a.id = $1 AND a.user_id = $2 AND i.n = $3
       RETURNING i.id, i.exercise_version_id, i.first_served_at`,
      [attemptId, userId, n],
    );
    if (!rows.length) return null;
    const { rows: ex } = await c.query(
      `SELECT e.issuing_state, e.document_type, e.images, m.storage_id
         FROM exercise_versions e JOIN media_assets m ON m.id = (e.images->0->>'assetId')::uuid WHERE e.id = $1`,
      [rows[0].exercise_version_id],
    );
    const storage = ex[0].storage_id;
    return {
      attemptId,
      n,
      itemId: rows[0].id,
      issuingState: ex[0].issuing_state,
      documentType: ex[0].document_type,
      firstServedAt: rows[0].first_served_at,
      sides: [{ side: 'front', images: [{ urls: { variants: { '640.webp': `/img/${storage}/640.webp` } } }] }],
    };
  });
}

async function answer(userId, attemptId, n, key, body) {
  return transaction(async (c) => {
    const { rows: attempt } = await c.query(
      `SELECT a.id, a.assignment_id, s.cohort_id, v.module_id, v.id AS module_version_id, v.settings
         FROM attempts a JOIN assignments s ON s.id = a.assignment_id JOIN module_versions v ON v.id = s.module_version_id
        WHERE a.id = $1 AND a.user_id = $2 FOR UPDATE OF a`,
      [attemptId, userId],
    );
    if (!attempt.length) return null;
    const { rows: items } = await c.query(
      'SELECT id, exercise_version_id, first_served_at FROM attempt_items WHERE attempt_id = $1 AND n = $2 FOR UPDATE',
      [attemptId, n],
    );
    const item = items[0];
    const { rows: receipt } = await c.query(
      'SELECT result FROM response_receipts WHERE attempt_item_id = $1 AND idempotency_key = $2',
      [item.id, key],
    );
    if (receipt.length) return receipt[0].result;
    const { rows: ex } = await c.query(
      'SELECT exercise_id, verdict, fraud_type, issuing_state, document_type FROM exercise_versions WHERE id = $1',
      [item.exercise_version_id],
    );
    const e = ex[0];
    const now = new Date();
    const ms = now.getTime() - new Date(item.first_served_at).getTime();
    const fraudulent = e.verdict !== 'genuine';
    const referred = body.decision === 'refer';
    const outcome = fraudulent ? (referred ? 'hit' : 'miss') : referred ? 'falseAlarm' : 'correctRejection';
    const score = outcome === 'hit' || outcome === 'correctRejection' ? 1 : 0;
    await c.query(
      `UPDATE attempt_items SET answer = $2, saved = $2, locked_at = $3, late = false, response_time_ms = $4, score = $5,
              outcome = $6, parts = '{}' WHERE id = $1`,
      [item.id, body, now, ms, score, outcome],
    );
    const a = attempt[0];
    await c.query(
      `INSERT INTO report_item_facts (attempt_item_id, attempt_id, n, user_id, cohort_id, assignment_id, module_id,
              module_version_id, mode, exercise_id, exercise_version_id, answered_at, verdict, fraud_type, issuing_state,
              document_type, feature_categories, lights, decision, outcome, late, response_time_ms, score,
              chosen_fraud_type, chosen_features, chosen_mrz_checks, points)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, '{}', '{}', $17, $18, false, $19, $20,
               $21, $22::text[], $23::text[], $24::jsonb)
       ON CONFLICT (attempt_item_id) DO NOTHING`,
      [
        item.id,
        attemptId,
        n,
        userId,
        a.cohort_id,
        a.assignment_id,
        a.module_id,
        a.module_version_id,
        a.settings.mode,
        e.exercise_id,
        item.exercise_version_id,
        now,
        e.verdict,
        e.fraud_type,
        e.issuing_state,
        e.document_type,
        body.decision,
        outcome,
        ms,
        score,
        body.fraudType ?? null,
        body.features ?? [],
        body.mrzFailedChecks ?? [],
        JSON.stringify(body.points ?? []),
      ],
    );
    await c.query(
      `INSERT INTO report_officer_days AS r (user_id, cohort_id, module_id, day, decisions, hits, misses, false_alarms,
              correct_rejections, decision_ms_sum, decision_ms_n, locate_sum, locate_n, fraud_type_sum, fraud_type_n, last_at)
       VALUES ($1, $2, $3, $4::date, 1, $5, $6, $7, $8, $9, 1, 0, 0, 0, 0, $10)
       ON CONFLICT (user_id, cohort_id, module_id, day) DO UPDATE SET decisions = r.decisions + 1,
         hits = r.hits + EXCLUDED.hits, misses = r.misses + EXCLUDED.misses, false_alarms = r.false_alarms + EXCLUDED.false_alarms,
         correct_rejections = r.correct_rejections + EXCLUDED.correct_rejections,
         decision_ms_sum = r.decision_ms_sum + EXCLUDED.decision_ms_sum, decision_ms_n = r.decision_ms_n + 1,
         last_at = greatest(r.last_at, EXCLUDED.last_at)`,
      [
        userId,
        a.cohort_id,
        a.module_id,
        now.toISOString().slice(0, 10),
        +(outcome === 'hit'),
        +(outcome === 'miss'),
        +(outcome === 'falseAlarm'),
        +(outcome === 'correctRejection'),
        ms,
        now,
      ],
    );
    const result = {
      n,
      status: 'locked',
      late: false,
      receivedAt: now.toISOString(),
      responseTimeMs: ms,
      feedback: null,
    };
    await c.query(
      `INSERT INTO response_receipts (attempt_item_id, idempotency_key, request_hash, result) VALUES ($1, $2, '', $3)`,
      [item.id, key, result],
    );
    return result;
  });
}

function send(res, status, body) {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

const server = http.createServer(async (req, res) => {
  try {
    const image = /^\/img\/([0-9a-f]{32})\/(\d+\.webp)$/.exec(req.url);
    if (image) {
      const file = path.join(mediaDir, 'objects', image[1].slice(0, 2), image[1], image[2]);
      const { size } = await fs.promises.stat(file);
      res.writeHead(200, { 'content-type': 'image/webp', 'content-length': size });
      fs.createReadStream(file).pipe(res);
      return;
    }
    const userId = userOf(req);
    if (!userId) return send(res, 401, { message: 'sign in' });
    const route = /^\/api\/attempts\/([0-9a-f-]{36})\/items\/(\d+)(\/response)?$/.exec(req.url);
    if (!route) return send(res, 404, { message: 'no such route' });
    const [, attemptId, n, respond] = route;
    if (!respond) {
      const item = await serveItem(userId, attemptId, Number(n));
      return item ? send(res, 200, item) : send(res, 404, { message: 'no such item' });
    }
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const result = await answer(userId, attemptId, Number(n), req.headers['idempotency-key'], JSON.parse(raw));
    return result ? send(res, 200, result) : send(res, 404, { message: 'no such attempt' });
  } catch (e) {
    send(res, 500, { message: e.message });
  }
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('listening'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
