// The reports' fact tables (one row per item locked or left unanswered, one per attempt), their indexes, and a
// backfill from the attempts already stored, so an existing database gets its history. From here on the reports
// feature keeps them up to date through AttemptEvents, in the same transaction as each answer.
import { FEATURE_TAXONOMY } from '@firstline/contracts';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportFacts1796200000000 implements MigrationInterface {
  name = 'ReportFacts1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "report_item_facts" ("attempt_item_id" uuid NOT NULL, "attempt_id" uuid NOT NULL, "n" integer NOT NULL, "user_id" uuid NOT NULL, "cohort_id" uuid NOT NULL, "assignment_id" uuid NOT NULL, "module_id" uuid NOT NULL, "module_version_id" uuid NOT NULL, "mode" text NOT NULL, "exercise_id" uuid NOT NULL, "exercise_version_id" uuid NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "verdict" text NOT NULL, "fraud_type" text NOT NULL, "issuing_state" text NOT NULL, "document_type" text NOT NULL, "feature_categories" text array NOT NULL, "lights" text array NOT NULL, "decision" text, "outcome" text, "late" boolean NOT NULL, "response_time_ms" integer, "score" double precision NOT NULL, "locate_score" double precision, "fraud_type_score" double precision, CONSTRAINT "PK_report_item_facts" PRIMARY KEY ("attempt_item_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_report_item_facts_cohort" ON "report_item_facts" ("cohort_id", "answered_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_report_item_facts_user" ON "report_item_facts" ("user_id", "answered_at") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_report_item_facts_attempt" ON "report_item_facts" ("attempt_id") `);
    await queryRunner.query(
      `CREATE TABLE "report_attempt_facts" ("attempt_id" uuid NOT NULL, "user_id" uuid NOT NULL, "cohort_id" uuid NOT NULL, "assignment_id" uuid NOT NULL, "module_id" uuid NOT NULL, "module_version_id" uuid NOT NULL, "mode" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "score" double precision, "passed" boolean, CONSTRAINT "PK_report_attempt_facts" PRIMARY KEY ("attempt_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_report_attempt_facts_cohort" ON "report_attempt_facts" ("cohort_id", "started_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_report_attempt_facts_user" ON "report_attempt_facts" ("user_id", "started_at") `,
    );
    // Hand-written: rules the entities do not express. A fact goes with the attempt (or item) it records.
    await queryRunner.query(
      `ALTER TABLE "report_item_facts" ADD CONSTRAINT "FK_report_item_facts_item" FOREIGN KEY ("attempt_item_id") REFERENCES "attempt_items"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "report_attempt_facts" ADD CONSTRAINT "FK_report_attempt_facts_attempt" FOREIGN KEY ("attempt_id") REFERENCES "attempts"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "report_item_facts" ADD CONSTRAINT "CHK_report_item_facts_outcome" CHECK ("outcome" IS NULL OR "outcome" IN ('hit', 'miss', 'falseAlarm', 'correctRejection'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "report_item_facts" ADD CONSTRAINT "CHK_report_item_facts_decision" CHECK ("decision" IS NULL OR "decision" IN ('accept', 'refer'))`,
    );

    // Backfill: every attempt, and every item locked or (in a finished attempt) left unanswered.
    await queryRunner.query(
      `INSERT INTO report_attempt_facts (attempt_id, user_id, cohort_id, assignment_id, module_id, module_version_id, mode, started_at, finished_at, score, passed)
       SELECT a.id, a.user_id, s.cohort_id, a.assignment_id, mv.module_id, mv.id, mv.settings->>'mode', a.started_at, a.finished_at, a.score, a.passed
         FROM attempts a
         JOIN assignments s ON s.id = a.assignment_id
         JOIN module_versions mv ON mv.id = s.module_version_id`,
    );
    const kinds = Object.values(FEATURE_TAXONOMY).flat() as string[];
    const categories = Object.entries(FEATURE_TAXONOMY).flatMap(([category, list]) => list.map(() => category));
    await queryRunner.query(
      `WITH taxonomy AS (SELECT * FROM unnest($1::text[], $2::text[]) AS t(kind, category)),
       items AS (
         SELECT i.id, i.attempt_id, i.n, a.user_id, s.cohort_id, a.assignment_id, mv.module_id, mv.id AS module_version_id,
                mv.settings->>'mode' AS mode, v.exercise_id, v.id AS exercise_version_id,
                CASE WHEN i.locked_at IS NOT NULL THEN i.locked_at ELSE a.finished_at END AS answered_at,
                v.verdict, v.truth->>'fraudType' AS fraud_type, v.issuing_state, v.document_type, v.truth,
                CASE WHEN i.locked_at IS NOT NULL THEN i.answer->>'decision' END AS decision,
                i.locked_at IS NOT NULL AND i.late AS late,
                CASE WHEN i.locked_at IS NOT NULL THEN i.response_time_ms END AS response_time_ms,
                CASE WHEN i.locked_at IS NOT NULL THEN coalesce(i.score, 0) ELSE 0 END AS score,
                CASE WHEN i.locked_at IS NOT NULL THEN i.parts END AS parts
           FROM attempt_items i
           JOIN attempts a ON a.id = i.attempt_id
           JOIN assignments s ON s.id = a.assignment_id
           JOIN module_versions mv ON mv.id = s.module_version_id
           JOIN exercise_versions v ON v.id = i.exercise_version_id
          WHERE i.locked_at IS NOT NULL OR a.status = 'finished'
       )
       INSERT INTO report_item_facts (attempt_item_id, attempt_id, n, user_id, cohort_id, assignment_id, module_id, module_version_id, mode,
                                      exercise_id, exercise_version_id, answered_at, verdict, fraud_type, issuing_state, document_type,
                                      feature_categories, lights, decision, outcome, late, response_time_ms, score, locate_score, fraud_type_score)
       SELECT x.id, x.attempt_id, x.n, x.user_id, x.cohort_id, x.assignment_id, x.module_id, x.module_version_id, x.mode,
              x.exercise_id, x.exercise_version_id, x.answered_at, x.verdict, x.fraud_type, x.issuing_state, x.document_type,
              ARRAY(SELECT DISTINCT t.category COLLATE "C" FROM jsonb_array_elements(x.truth->'regions') r
                      CROSS JOIN jsonb_array_elements_text(r->'features') f(kind) JOIN taxonomy t ON t.kind = f.kind ORDER BY 1),
              ARRAY(SELECT DISTINCT l.light COLLATE "C" FROM jsonb_array_elements(x.truth->'regions') r
                      CROSS JOIN jsonb_array_elements_text(r->'lights') l(light) ORDER BY 1),
              x.decision,
              CASE WHEN x.decision IS NULL OR x.late THEN NULL
                   WHEN x.verdict = 'fraudulent' THEN CASE x.decision WHEN 'refer' THEN 'hit' ELSE 'miss' END
                   ELSE CASE x.decision WHEN 'refer' THEN 'falseAlarm' ELSE 'correctRejection' END END,
              x.late, x.response_time_ms, x.score,
              (SELECT (p->>'score')::double precision FROM jsonb_array_elements(coalesce(x.parts, '[]'::jsonb)) p WHERE p->>'part' = 'locate' LIMIT 1),
              (SELECT (p->>'score')::double precision FROM jsonb_array_elements(coalesce(x.parts, '[]'::jsonb)) p WHERE p->>'part' = 'fraudType' LIMIT 1)
         FROM items x`,
      [kinds, categories],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "report_attempt_facts"`);
    await queryRunner.query(`DROP TABLE "report_item_facts"`);
  }
}
