// Grouped SQL over the item facts for where officers go wrong: proportion correct per heatmap cell (an officer × a
// feature category, fraud type, light, issuing state or document type), the decided items behind one cell, and
// weekly trends. Only aggregates (and the one capped list of items) leave PostgreSQL.
import type { HeatmapDimension } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { CORRECT, DECIDED, DECISION_COUNTS, DIMENSION_VALUES, factWhere, type FactFilter } from './fact-query';
import { ReportItemFact } from './report-facts.entity';
import type { WeekCounts } from './report-figures';

export interface CellCounts {
  /** null on the cohort's total row. */
  userId: string | null;
  key: string;
  items: number;
  correct: number;
}

export interface DimensionCellCounts {
  by: HeatmapDimension;
  key: string;
  items: number;
  correct: number;
}

export interface DecidedItemRow {
  attemptId: string;
  n: number;
  userId: string;
  exerciseId: string;
  exerciseVersionId: string;
  answeredAt: Date;
  verdict: 'genuine' | 'fraudulent';
  decision: 'accept' | 'refer';
  correct: boolean;
  responseTimeMs: number | null;
}

/** Most items a heatmap cell lists (newest first). */
export const CELL_ITEMS_LISTED = 200;

@Injectable()
export class BreakdownRepository {
  constructor(@InjectRepository(ReportItemFact) private readonly items: Repository<ReportItemFact>) {}

  private db(m?: EntityManager): EntityManager {
    return m ?? this.items.manager;
  }

  /** Decided items and correct ones per officer × value of the dimension, and per value for all officers. */
  async cells(filter: FactFilter, by: HeatmapDimension, m?: EntityManager): Promise<CellCounts[]> {
    const where = factWhere(filter, 'answered_at').also(DECIDED);
    return this.db(m).query(
      `SELECT f.user_id AS "userId", d.key, count(*)::int AS items, count(*) FILTER (WHERE ${CORRECT})::int AS correct
         FROM report_item_facts f CROSS JOIN LATERAL unnest(${DIMENSION_VALUES[by]}) AS d(key)
         ${where}
        GROUP BY GROUPING SETS ((f.user_id, d.key), (d.key))`,
      where.params,
    );
  }

  /** Decided items and correct ones per value of every dimension at once (one officer's profile). */
  async cellsOfEveryDimension(filter: FactFilter, m?: EntityManager): Promise<DimensionCellCounts[]> {
    const where = factWhere(filter, 'answered_at').also(DECIDED);
    const values = (Object.entries(DIMENSION_VALUES) as Array<[HeatmapDimension, string]>)
      .map(([by, values]) => `SELECT '${by}' AS "by", unnest(${values}) AS key`)
      .join(' UNION ALL ');
    return this.db(m).query(
      `SELECT d."by", d.key, count(*)::int AS items, count(*) FILTER (WHERE ${CORRECT})::int AS correct
         FROM report_item_facts f CROSS JOIN LATERAL (${values}) AS d
         ${where}
        GROUP BY d."by", d.key`,
      where.params,
    );
  }

  /** The decided items behind one cell, newest first, at most CELL_ITEMS_LISTED. */
  async cellItems(filter: FactFilter, by: HeatmapDimension, key: string, m?: EntityManager): Promise<DecidedItemRow[]> {
    const where = factWhere(filter, 'answered_at').also(DECIDED);
    where.add((p) => `${p} = ANY(${DIMENSION_VALUES[by]})`, key);
    return this.db(m).query(
      `SELECT attempt_id AS "attemptId", n, user_id AS "userId", exercise_id AS "exerciseId",
              exercise_version_id AS "exerciseVersionId", answered_at AS "answeredAt", verdict, decision,
              ${CORRECT} AS correct, response_time_ms AS "responseTimeMs"
         FROM report_item_facts f ${where}
        ORDER BY answered_at DESC, attempt_id, n LIMIT ${where.param(CELL_ITEMS_LISTED)}`,
      where.params,
    );
  }

  /** Decisions per ISO week (Monday, UTC), oldest first. */
  async weeks(filter: FactFilter, m?: EntityManager): Promise<WeekCounts[]> {
    const where = factWhere(filter, 'answered_at').also(DECIDED);
    return this.db(m).query(
      `SELECT to_char(date_trunc('week', answered_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS "weekStart",
              ${DECISION_COUNTS}
         FROM report_item_facts ${where}
        GROUP BY 1 ORDER BY 1`,
      where.params,
    );
  }
}
