// Item analysis' SQL: a module version's item scores read from the fact tables in one pass, what officers chose on
// an item, and the stored analysis per module version (with the claim that keeps one recalculation at a time).
// Only finished attempts count; their facts are joined through report_attempt_facts (finished_at set).
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { LocatePoint } from './report-facts.entity';
import { ReportItemAnalysis } from './report-item-analysis.entity';

/** Per finished attempt, per pool item: the item score (null: not drawn), and whether the decision was right. */
export interface PoolResponses {
  marks: (number | null)[][];
  /** 1: hit or correct rejection; 0: miss, false alarm, late or unanswered; null: not drawn. */
  right: (0 | 1 | null)[][];
  /** Per pool item: sum and number of decision times (decisions only: not late, not unanswered). */
  timeSum: number[];
  timeN: number[];
}

export interface StoredAnalysisRow {
  result: unknown;
  calculatedAt: Date | null;
  attemptsCounted: number;
  recalculatingSince: Date | null;
}

/** What officers answered on one item (locked answers of finished attempts). */
export interface ChoiceCounts {
  responses: number;
  accept: number;
  refer: number;
  noDecision: number;
  fraudTypes: Map<string, number>;
  features: Map<string, number>;
  mrzChecks: Map<string, number>;
}

/** A finished attempt's facts of one module version, joined once. */
const FINISHED_FACTS = `report_item_facts f
  JOIN report_attempt_facts a ON a.attempt_id = f.attempt_id AND a.finished_at IS NOT NULL`;

const toMap = (rows: Array<{ key: string; count: number }>) => new Map(rows.map((r) => [r.key, Number(r.count)]));

@Injectable()
export class ItemAnalysisRepository {
  constructor(@InjectRepository(ReportItemAnalysis) private readonly analyses: Repository<ReportItemAnalysis>) {}

  private q(m?: EntityManager): EntityManager {
    return m ?? this.analyses.manager;
  }

  /**
   * The item scores of the version's finished attempts in one query: one row per attempt, its items packed as
   * `position:score:right:ms` (position in `pool`, 1-based; float8 text is exact), so 10,000 attempts of 20 items are
   * 10,000 short rows rather than 200,000 parsed objects.
   */
  async poolResponses(
    moduleVersionId: string,
    pool: readonly string[],
    /** Documents generated from the pool's item models, each counted at its model's position (1-based). */
    instances: ReadonlyMap<string, number> = new Map(),
    /** Items in all: the pool's exercises and then its item models. */
    itemCount = pool.length,
    m?: EntityManager,
  ): Promise<PoolResponses> {
    const ids = [...pool, ...instances.keys()];
    const positions = [...pool.map((_, i) => i + 1), ...instances.values()];
    const rows: Array<{ items: string }> = await this.q(m).query(
      `SELECT string_agg(concat_ws(':', ($3::int[])[array_position($2::uuid[], f.exercise_version_id)], f.score,
                                   CASE WHEN f.outcome IN ('hit', 'correctRejection') THEN 1 ELSE 0 END,
                                   CASE WHEN f.outcome IS NOT NULL THEN f.response_time_ms END), ';') AS items
         FROM ${FINISHED_FACTS}
        WHERE a.module_version_id = $1 AND f.module_version_id = $1
        GROUP BY f.attempt_id
        ORDER BY f.attempt_id`,
      [moduleVersionId, ids, positions],
    );
    const p = itemCount;
    const timeSum = new Array<number>(p).fill(0);
    const timeN = new Array<number>(p).fill(0);
    const marks: (number | null)[][] = [];
    const right: (0 | 1 | null)[][] = [];
    for (const row of rows) {
      const mark = new Array<number | null>(p).fill(null);
      const ok = new Array<0 | 1 | null>(p).fill(null);
      for (const item of row.items.split(';')) {
        const [pos, score, isRight, ms] = item.split(':');
        const i = Number(pos) - 1;
        if (!(i >= 0 && i < p)) continue; // an item outside the version's pool cannot be drawn; ignore it
        mark[i] = Number(score);
        ok[i] = isRight === '1' ? 1 : 0;
        if (ms) {
          timeSum[i] += Number(ms);
          timeN[i]++;
        }
      }
      marks.push(mark);
      right.push(ok);
    }
    return { marks, right, timeSum, timeN };
  }

  /** Per generated document of the version's item models: finished responses and its facility (0–1). */
  async instanceFacilities(
    moduleVersionId: string,
    exerciseVersionIds: string[],
    m?: EntityManager,
  ): Promise<Array<{ versionId: string; responses: number; facility: number }>> {
    if (!exerciseVersionIds.length) return [];
    return this.q(m).query(
      `SELECT f.exercise_version_id AS "versionId", count(*)::int AS responses, avg(f.score)::float8 AS facility
         FROM ${FINISHED_FACTS}
        WHERE a.module_version_id = $1 AND f.module_version_id = $1 AND f.exercise_version_id = ANY($2::uuid[])
        GROUP BY f.exercise_version_id`,
      [moduleVersionId, exerciseVersionIds],
    );
  }

  /** Finished attempts of these module versions, per version. */
  async finishedAttempts(moduleVersionIds: string[], m?: EntityManager): Promise<Map<string, number>> {
    if (!moduleVersionIds.length) return new Map();
    const rows: Array<{ id: string; n: number }> = await this.q(m).query(
      `SELECT module_version_id AS id, count(*)::int AS n FROM report_attempt_facts
        WHERE module_version_id = ANY($1::uuid[]) AND finished_at IS NOT NULL GROUP BY module_version_id`,
      [moduleVersionIds],
    );
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  /**
   * Per exercise version that an analysis counted responses to: its facility (stored in percent, answered as 0–1) in
   * the latest analysis that did, and when that was calculated.
   */
  async latestFacilities(m?: EntityManager): Promise<Map<string, { facility: number; calculatedAt: Date }>> {
    const rows: Array<{ versionId: string; facility: number; calculatedAt: Date }> = await this.q(m).query(
      `SELECT DISTINCT ON (item->>'exerciseVersionId')
              item->>'exerciseVersionId' AS "versionId", (item->>'facility')::float8 / 100 AS facility,
              a.calculated_at AS "calculatedAt"
         FROM report_item_analyses a CROSS JOIN LATERAL jsonb_array_elements(a.result->'items') AS item
        WHERE a.calculated_at IS NOT NULL AND jsonb_typeof(a.result->'items') = 'array'
          AND jsonb_typeof(item->'facility') = 'number'
        ORDER BY item->>'exerciseVersionId', a.calculated_at DESC`,
    );
    return new Map(rows.map((r) => [r.versionId, { facility: Number(r.facility), calculatedAt: r.calculatedAt }]));
  }

  async stored(moduleVersionIds: string[], m?: EntityManager): Promise<Map<string, StoredAnalysisRow>> {
    if (!moduleVersionIds.length) return new Map();
    const rows: Array<StoredAnalysisRow & { id: string }> = await this.q(m).query(
      `SELECT module_version_id AS id, result, calculated_at AS "calculatedAt", attempts_counted AS "attemptsCounted",
              recalculating_since AS "recalculatingSince"
         FROM report_item_analyses WHERE module_version_id = ANY($1::uuid[])`,
      [moduleVersionIds],
    );
    return new Map(rows.map(({ id, ...row }) => [id, row]));
  }

  /** Stores a calculation (ending a recalculation when `endsRecalculation`); answers when it was stored. */
  async store(
    moduleVersionId: string,
    result: unknown,
    attemptsCounted: number,
    endsRecalculation: boolean,
    m?: EntityManager,
  ): Promise<Date> {
    const [row]: Array<{ calculatedAt: Date }> = await this.q(m).query(
      `INSERT INTO report_item_analyses (module_version_id, result, calculated_at, attempts_counted)
       VALUES ($1, $2::jsonb, clock_timestamp(), $3)
       ON CONFLICT (module_version_id) DO UPDATE SET result = EXCLUDED.result, calculated_at = EXCLUDED.calculated_at,
         attempts_counted = EXCLUDED.attempts_counted,
         recalculating_since = CASE WHEN $4::boolean THEN NULL ELSE report_item_analyses.recalculating_since END
       RETURNING calculated_at AS "calculatedAt"`,
      [moduleVersionId, JSON.stringify(result), attemptsCounted, endsRecalculation],
    );
    return row!.calculatedAt;
  }

  /**
   * Claims the version's recalculation: true when no other is running, or the running one started more than
   * `staleSeconds` ago (its process died). Atomic, so two replicas cannot both claim it.
   */
  async claimRecalculation(moduleVersionId: string, staleSeconds: number, m?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await this.q(m).query(
      `INSERT INTO report_item_analyses AS r (module_version_id, recalculating_since) VALUES ($1, clock_timestamp())
       ON CONFLICT (module_version_id) DO UPDATE SET recalculating_since = EXCLUDED.recalculating_since
        WHERE r.recalculating_since IS NULL OR r.recalculating_since < clock_timestamp() - make_interval(secs => $2)
       RETURNING module_version_id`,
      [moduleVersionId, staleSeconds],
    );
    return rows.length === 1;
  }

  async releaseRecalculation(moduleVersionId: string, m?: EntityManager): Promise<void> {
    await this.q(m).query(`UPDATE report_item_analyses SET recalculating_since = NULL WHERE module_version_id = $1`, [
      moduleVersionId,
    ]);
  }

  /** What officers answered on these exercise versions within these module versions. */
  async choices(moduleVersionIds: string[], exerciseVersionIds: string[], m?: EntityManager): Promise<ChoiceCounts> {
    const where = `WHERE f.module_version_id = ANY($1::uuid[]) AND f.exercise_version_id = ANY($2::uuid[])`;
    const params = [moduleVersionIds, exerciseVersionIds];
    const [totals]: Array<{ responses: number; accept: number; refer: number; noDecision: number }> = await this.q(
      m,
    ).query(
      `SELECT count(*)::int AS responses,
              (count(*) FILTER (WHERE f.outcome IS NOT NULL AND f.decision = 'accept'))::int AS accept,
              (count(*) FILTER (WHERE f.outcome IS NOT NULL AND f.decision = 'refer'))::int AS refer,
              (count(*) FILTER (WHERE f.outcome IS NULL))::int AS "noDecision"
         FROM ${FINISHED_FACTS} ${where}`,
      params,
    );
    const counted = (column: string) =>
      this.q(m).query(
        `SELECT c.key, count(*)::int AS count FROM ${FINISHED_FACTS} CROSS JOIN LATERAL unnest(${column}) AS c(key)
          ${where} AND f.decision IS NOT NULL GROUP BY c.key ORDER BY count(*) DESC, c.key`,
        params,
      ) as Promise<Array<{ key: string; count: number }>>;
    const [fraudTypes, features, mrzChecks] = await Promise.all([
      counted(`ARRAY[f.chosen_fraud_type]`).then((rows) => rows.filter((r) => r.key !== null)),
      counted('f.chosen_features'),
      counted('f.chosen_mrz_checks'),
    ]);
    return {
      ...totals!,
      fraudTypes: toMap(fraudTypes),
      features: toMap(features),
      mrzChecks: toMap(mrzChecks),
    };
  }

  /** Across these exercise versions of a module version: (truth, chosen) fraud-type pairs of locked answers. */
  async fraudTypePairs(
    moduleVersionId: string,
    exerciseVersionIds: string[],
    m?: EntityManager,
  ): Promise<Array<{ truth: string; chosen: string | null; count: number }>> {
    if (!exerciseVersionIds.length) return [];
    return this.q(m).query(
      `SELECT f.fraud_type AS truth, f.chosen_fraud_type AS chosen, count(*)::int AS count
         FROM ${FINISHED_FACTS}
        WHERE f.module_version_id = $1 AND f.exercise_version_id = ANY($2::uuid[]) AND f.decision IS NOT NULL
        GROUP BY 1, 2`,
      [moduleVersionId, exerciseVersionIds],
    );
  }

  /** The locate points of the locked answers on one exercise version within these module versions. */
  async points(
    moduleVersionIds: string[],
    exerciseVersionId: string,
    m?: EntityManager,
  ): Promise<{ responses: number; points: LocatePoint[] }> {
    if (!moduleVersionIds.length) return { responses: 0, points: [] };
    const rows: Array<{ points: LocatePoint[] }> = await this.q(m).query(
      `SELECT f.points FROM ${FINISHED_FACTS}
        WHERE f.module_version_id = ANY($1::uuid[]) AND f.exercise_version_id = $2 AND f.decision IS NOT NULL`,
      [moduleVersionIds, exerciseVersionId],
    );
    return { responses: rows.length, points: rows.flatMap((r) => r.points) };
  }
}
