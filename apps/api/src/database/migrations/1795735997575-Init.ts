import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795735997575 implements MigrationInterface {
  name = 'Init1795735997575';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text NOT NULL, "before" jsonb, "after" jsonb, "request_id" text, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ba27cef5b8b2b1a756e06ebcc5" ON "audit_log"  ("at") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_43fef0ec7f613c19c612fffe62" ON "audit_log"  ("entity_type", "entity_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "login_failures" ("id" BIGSERIAL NOT NULL, "username" text NOT NULL, "ip" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8211e8ec810fd7f976b98ce97a0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3e8c3412e80573bb7a1adc3b77" ON "login_failures"  ("ip", "at") `);
    await queryRunner.query(`CREATE INDEX "IDX_413c8abf838a4756d2d69ee5b3" ON "login_failures"  ("username", "at") `);
    await queryRunner.query(
      `CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3ddc983c5f7bcf132fd8732c3f" ON "refresh_tokens"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_d5e27da0cd39bc3bb2811fc8ba" ON "refresh_tokens"  ("family_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_a7838d2ba25be1342091b6695f" ON "refresh_tokens"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "units" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "code" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_cd34e4bfea359fa09d997a0b87d" UNIQUE ("name"), CONSTRAINT "UQ_47635c1ab22d02fc3ebae3608b8" UNIQUE ("code"), CONSTRAINT "PK_5a8f2f064919b587d93936cb223" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" text NOT NULL, "display_name" text NOT NULL, "role" text NOT NULL, "unit_id" uuid, "service_number" text, "language" text NOT NULL DEFAULT 'en', "password_hash" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fe0bb3f6520ee0469504521e71" ON "users"  ("username") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e45e780c013809e6345e2960ba" ON "users"  ("service_number") `);
    await queryRunner.query(
      `CREATE TABLE "cohorts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "unit_id" uuid NOT NULL, "starts_on" date, "ends_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_cohorts_unit_name" UNIQUE ("unit_id", "name"), CONSTRAINT "PK_fd38f76b135e907b834fda1e752" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "cohort_instructors" ("cohort_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_b2871724db093738a3124191bed" PRIMARY KEY ("cohort_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_95350ae0f1377aa05fc65fb5cb" ON "cohort_instructors"  ("cohort_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_74782e7a22f4f4c771d28c7cc6" ON "cohort_instructors"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "cohort_members" ("cohort_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_9001e01b40ea73c30f7bb495f11" PRIMARY KEY ("cohort_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_bde9c54a6a6fa9bf6fcecad1e0" ON "cohort_members"  ("cohort_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_94586924fd1c63d7a51d376707" ON "cohort_members"  ("user_id") `);
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_b94ecc6be926a5d23aa7791ec8a" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohorts" ADD CONSTRAINT "FK_cbbf2ff84c03f691716b1a69087" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_instructors" ADD CONSTRAINT "FK_95350ae0f1377aa05fc65fb5cb9" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_instructors" ADD CONSTRAINT "FK_74782e7a22f4f4c771d28c7cc6d" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_members" ADD CONSTRAINT "FK_bde9c54a6a6fa9bf6fcecad1e03" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_members" ADD CONSTRAINT "FK_94586924fd1c63d7a51d3767074" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    // Hand-added: the domain's closed vocabularies and the token owner, enforced by the database too.
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "CHK_users_role" CHECK ("role" IN ('trainee', 'instructor', 'supervisor', 'admin'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "CHK_users_language" CHECK ("language" IN ('en', 'ur'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_tokens" ADD CONSTRAINT "FK_refresh_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_refresh_tokens_user"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "CHK_users_language"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "CHK_users_role"`);
    await queryRunner.query(`ALTER TABLE "cohort_members" DROP CONSTRAINT "FK_94586924fd1c63d7a51d3767074"`);
    await queryRunner.query(`ALTER TABLE "cohort_members" DROP CONSTRAINT "FK_bde9c54a6a6fa9bf6fcecad1e03"`);
    await queryRunner.query(`ALTER TABLE "cohort_instructors" DROP CONSTRAINT "FK_74782e7a22f4f4c771d28c7cc6d"`);
    await queryRunner.query(`ALTER TABLE "cohort_instructors" DROP CONSTRAINT "FK_95350ae0f1377aa05fc65fb5cb9"`);
    await queryRunner.query(`ALTER TABLE "cohorts" DROP CONSTRAINT "FK_cbbf2ff84c03f691716b1a69087"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_b94ecc6be926a5d23aa7791ec8a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_94586924fd1c63d7a51d376707"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bde9c54a6a6fa9bf6fcecad1e0"`);
    await queryRunner.query(`DROP TABLE "cohort_members"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_74782e7a22f4f4c771d28c7cc6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_95350ae0f1377aa05fc65fb5cb"`);
    await queryRunner.query(`DROP TABLE "cohort_instructors"`);
    await queryRunner.query(`DROP TABLE "cohorts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e45e780c013809e6345e2960ba"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fe0bb3f6520ee0469504521e71"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "units"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a7838d2ba25be1342091b6695f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d5e27da0cd39bc3bb2811fc8ba"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3ddc983c5f7bcf132fd8732c3f"`);
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_413c8abf838a4756d2d69ee5b3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3e8c3412e80573bb7a1adc3b77"`);
    await queryRunner.query(`DROP TABLE "login_failures"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_43fef0ec7f613c19c612fffe62"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ba27cef5b8b2b1a756e06ebcc5"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
