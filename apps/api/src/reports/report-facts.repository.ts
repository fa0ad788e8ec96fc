// Writing the reports' fact tables and their daily roll-up: upserts run with the caller's EntityManager, so a fact
// commits or rolls back with the answer it records. Upserts on the primary key make a repeated event harmless; the
// roll-up gains the difference between the fact as it was and as it is written (nothing for a repeat).
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AttemptFinishedEvent, AttemptStartedEvent, ItemLockedEvent } from '../attempts';
import { prepared } from '../common/sql/prepared';
import { dayDeltas, type DayDelta, type FactShareSource } from './officer-days';
import type { DecisionOutcome } from './report-facts.entity';

/** Where a decision falls in the signal-detection table; null when the item is not a decision (unanswered or late). */
export function outcomeOf(event: Pick<ItemLockedEvent, 'verdict' | 'decision' | 'late'>): DecisionOutcome | null {
  if (event.decision === null || event.late) return null;
  if (event.verdict === 'fraudulent') return event.decision === 'refer' ? 'hit' : 'miss';
  return event.decision === 'refer' ? 'falseAlarm' : 'correctRejection';
}

const DAY_COLUMNS = `user_id, cohort_id, module_id, day, decisions, hits, misses, false_alarms, correct_rejections,
  decision_ms_sum, decision_ms_n, locate_sum, locate_n, fraud_type_sum, fraud_type_n, last_at`;

/** The upsert of a roll-up row (`r`) by a delta (EXCLUDED): sums added, the later last answer kept. */
const ADD_TO_DAY = `
  decisions = r.decisions + EXCLUDED.decisions, hits = r.hits + EXCLUDED.hits, misses = r.misses + EXCLUDED.misses,
  false_alarms = r.false_alarms + EXCLUDED.false_alarms,
  correct_rejections = r.correct_rejections + EXCLUDED.correct_rejections,
  decision_ms_sum = r.decision_ms_sum + EXCLUDED.decision_ms_sum, decision_ms_n = r.decision_ms_n + EXCLUDED.decision_ms_n,
  locate_sum = r.locate_sum + EXCLUDED.locate_sum, locate_n = r.locate_n + EXCLUDED.locate_n,
  fraud_type_sum = r.fraud_type_sum + EXCLUDED.fraud_type_sum, fraud_type_n = r.fraud_type_n + EXCLUDED.fraud_type_n,
  last_at = greatest(r.last_at, EXCLUDED.last_at)`;

/**
 * An item's report fact, upserted, with its first share of the daily roll-up; answers what the fact was before (if it
 * was). Run for every answer, so prepared on each connection (common/sql/prepared.ts).
 */
const ITEM_FACT_WITH_FIRST_SHARE = prepared(
  `WITH before AS (
     SELECT user_id AS "userId", cohort_id AS "cohortId", module_id AS "moduleId", answered_at AS "answeredAt",
            decision, outcome, response_time_ms AS "responseTimeMs", locate_score AS "locateScore",
            fraud_type_score AS "fraudTypeScore"
       FROM report_item_facts WHERE attempt_item_id = $1
   ), written AS (
     INSERT INTO report_item_facts (attempt_item_id, attempt_id, n, user_id, cohort_id, assignment_id, module_id, module_version_id, mode,
                                    exercise_id, exercise_version_id, answered_at, verdict, fraud_type, issuing_state, document_type,
                                    feature_categories, lights, decision, outcome, late, response_time_ms, score, locate_score, fraud_type_score,
                                    chosen_fraud_type, chosen_features, chosen_mrz_checks, points)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17::text[], $18::text[], $19, $20, $21, $22, $23, $24, $25,
             $26, $27::text[], $28::text[], $29::jsonb)
     ON CONFLICT (attempt_item_id) DO UPDATE SET
       answered_at = EXCLUDED.answered_at, decision = EXCLUDED.decision, outcome = EXCLUDED.outcome, late = EXCLUDED.late,
       response_time_ms = EXCLUDED.response_time_ms, score = EXCLUDED.score, locate_score = EXCLUDED.locate_score,
       fraud_type_score = EXCLUDED.fraud_type_score, chosen_fraud_type = EXCLUDED.chosen_fraud_type,
       chosen_features = EXCLUDED.chosen_features, chosen_mrz_checks = EXCLUDED.chosen_mrz_checks, points = EXCLUDED.points
   ), first_share AS (
     INSERT INTO report_officer_days AS r (${DAY_COLUMNS})
     SELECT $30::uuid, $31::uuid, $32::uuid, $33::date, $34::int, $35::int, $36::int, $37::int, $38::int, $39::bigint,
            $40::int, $41::float8, $42::int, $43::float8, $44::int, $45::timestamptz
      WHERE $46::boolean AND NOT EXISTS (SELECT 1 FROM before)
     ON CONFLICT (user_id, cohort_id, module_id, day) DO UPDATE SET ${ADD_TO_DAY}
   )
   SELECT * FROM before`,
);

/** A delta as the 16 parameters of DAY_COLUMNS, in order. */
const dayParams = (d: DayDelta) => [
  ...[d.userId, d.cohortId, d.moduleId, d.day, d.decisions, d.hits, d.misses, d.falseAlarms, d.correctRejections],
  ...[d.msSum, d.msN, d.locateSum, d.locateN, d.fraudTypeSum, d.fraudTypeN, d.lastAt],
];

@Injectable()
export class ReportFactsRepository {
  async upsertAttemptStarted(e: AttemptStartedEvent, m: EntityManager): Promise<void> {
    await m.query(
      `INSERT INTO report_attempt_facts (attempt_id, user_id, cohort_id, assignment_id, module_id, module_version_id, mode, started_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (attempt_id) DO UPDATE SET started_at = EXCLUDED.started_at`,
      [e.attemptId, e.userId, e.cohortId, e.assignmentId, e.moduleId, e.moduleVersionId, e.mode, e.startedAt],
    );
  }

  /** The finish; should the start never have been recorded, the attempt is recorded as started when it finished. */
  async upsertAttemptFinished(e: AttemptFinishedEvent, m: EntityManager): Promise<void> {
    await m.query(
      `INSERT INTO report_attempt_facts (attempt_id, user_id, cohort_id, assignment_id, module_id, module_version_id, mode, started_at, finished_at, score, passed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10)
       ON CONFLICT (attempt_id) DO UPDATE SET finished_at = EXCLUDED.finished_at, score = EXCLUDED.score, passed = EXCLUDED.passed`,
      [
        ...[e.attemptId, e.userId, e.cohortId, e.assignmentId, e.moduleId, e.moduleVersionId, e.mode],
        ...[e.finishedAt, e.score, e.passed],
      ],
    );
  }

  async upsertItem(e: ItemLockedEvent, m: EntityManager): Promise<void> {
    const values = [
      e.attemptItemId,
      e.attemptId,
      e.n,
      e.userId,
      e.cohortId,
      e.assignmentId,
      e.moduleId,
      e.moduleVersionId,
      e.mode,
      e.exerciseId,
      e.exerciseVersionId,
      e.answeredAt,
      e.verdict,
      e.fraudType,
      e.issuingState,
      e.documentType,
      e.featureCategories,
      e.lights,
      e.decision,
      outcomeOf(e),
      e.late,
      e.responseTimeMs,
      e.score,
      e.locateScore,
      e.fraudTypeScore,
      e.chosenFraudType,
      e.chosenFeatures,
      e.chosenMrzChecks,
      JSON.stringify(e.points),
    ];
    // A fact written for the first time (every answer; an item left unanswered at the finish) adds its share to the
    // roll-up in the same statement. A fact written again (a repeated event) is read as it was first — the CTE sees the
    // snapshot before the upsert — and the roll-up gains the difference afterwards.
    const after: FactShareSource = { ...e, outcome: outcomeOf(e) };
    const [fresh] = dayDeltas(null, after);
    const [before] = (await m.query(ITEM_FACT_WITH_FIRST_SHARE, [
      ...values,
      ...(fresh ? dayParams(fresh) : new Array(16).fill(null)),
      fresh !== undefined,
    ])) as FactShareSource[];
    if (!before) return;
    // The upsert keeps the fact's who and where; only what the answer says can change.
    const where = { userId: before.userId, cohortId: before.cohortId, moduleId: before.moduleId };
    for (const delta of dayDeltas(before, { ...after, ...where })) await this.addToDay(delta, m);
  }

  /** Adds a delta to one roll-up row (created at the first answer of the day). */
  private async addToDay(d: DayDelta, m: EntityManager): Promise<void> {
    await m.query(
      `INSERT INTO report_officer_days AS r (${DAY_COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (user_id, cohort_id, module_id, day) DO UPDATE SET ${ADD_TO_DAY}`,
      dayParams(d),
    );
  }
}
