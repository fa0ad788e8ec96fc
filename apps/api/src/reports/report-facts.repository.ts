// Writing the reports' fact tables: one upsert per event, run with the caller's EntityManager so the fact commits or
// rolls back with the answer it records. Upserts on the primary key make a repeated event harmless.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AttemptFinishedEvent, AttemptStartedEvent, ItemLockedEvent } from '../attempts';
import type { DecisionOutcome } from './report-facts.entity';

/** Where a decision falls in the signal-detection table; null when the item is not a decision (unanswered or late). */
export function outcomeOf(event: Pick<ItemLockedEvent, 'verdict' | 'decision' | 'late'>): DecisionOutcome | null {
  if (event.decision === null || event.late) return null;
  if (event.verdict === 'fraudulent') return event.decision === 'refer' ? 'hit' : 'miss';
  return event.decision === 'refer' ? 'falseAlarm' : 'correctRejection';
}

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
    ];
    await m.query(
      `INSERT INTO report_item_facts (attempt_item_id, attempt_id, n, user_id, cohort_id, assignment_id, module_id, module_version_id, mode,
                                      exercise_id, exercise_version_id, answered_at, verdict, fraud_type, issuing_state, document_type,
                                      feature_categories, lights, decision, outcome, late, response_time_ms, score, locate_score, fraud_type_score)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17::text[], $18::text[], $19, $20, $21, $22, $23, $24, $25)
       ON CONFLICT (attempt_item_id) DO UPDATE SET
         answered_at = EXCLUDED.answered_at, decision = EXCLUDED.decision, outcome = EXCLUDED.outcome, late = EXCLUDED.late,
         response_time_ms = EXCLUDED.response_time_ms, score = EXCLUDED.score, locate_score = EXCLUDED.locate_score,
         fraud_type_score = EXCLUDED.fraud_type_score`,
      values,
    );
  }
}
