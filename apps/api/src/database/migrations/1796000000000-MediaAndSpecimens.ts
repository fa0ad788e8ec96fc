import { MigrationInterface, QueryRunner } from 'typeorm';

export class MediaAndSpecimens1796000000000 implements MigrationInterface {
  name = 'MediaAndSpecimens1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "media_assets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "storage_id" text NOT NULL, "status" text NOT NULL, "progress" integer NOT NULL DEFAULT '0', "failure_reason" text, "warnings" jsonb NOT NULL DEFAULT '[]'::jsonb, "width" integer, "height" integer, "group_key" text, "source_format" text NOT NULL, "source_bytes" bigint NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "lease_until" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_2c04a55b745bf081f713590316c" UNIQUE ("storage_id"), CONSTRAINT "PK_ca47e9f67a5e5d8af1e75d66ee6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_media_assets_group" ON "media_assets"  ("group_key") `);
    await queryRunner.query(`CREATE INDEX "IDX_media_assets_queue" ON "media_assets"  ("status", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "specimens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "issuing_state" text NOT NULL, "document_type" text NOT NULL, "series" text NOT NULL DEFAULT '', "year" integer, "description" text NOT NULL DEFAULT '', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b08e6d804ef965346d0f4ca1f68" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_bdf2572467a713b629ffc062a6" ON "specimens"  ("issuing_state") `);
    await queryRunner.query(
      `CREATE TABLE "specimen_images" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "specimen_id" uuid NOT NULL, "side" text NOT NULL, "light" text NOT NULL, "frame" integer NOT NULL DEFAULT '1', "asset_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_specimen_images_slot" UNIQUE ("specimen_id", "side", "light", "frame"), CONSTRAINT "PK_578a42c9723afabcbc60b718718" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f26df4d6de739603d6897728b1" ON "specimen_images"  ("specimen_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_00a2be58954a1cf5c13f4fb736" ON "specimen_images"  ("asset_id") `);
    await queryRunner.query(
      `CREATE TABLE "specimen_features" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "specimen_id" uuid NOT NULL, "position" integer NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "category" text NOT NULL, "side" text NOT NULL, "lights" text array NOT NULL, "region" jsonb NOT NULL, "description" text NOT NULL DEFAULT '', "zoom_hint" jsonb, CONSTRAINT "PK_e5511b0d0a8c3b3032231e9056a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_1fcdfa776897435b174313f6c3" ON "specimen_features"  ("specimen_id") `);
    await queryRunner.query(
      `ALTER TABLE "media_assets" ADD CONSTRAINT "FK_8e040e606993634b97b94f14c57" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "specimens" ADD CONSTRAINT "FK_ca3521e5b22ccdf8fbf0b149db9" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "specimen_images" ADD CONSTRAINT "FK_f26df4d6de739603d6897728b1d" FOREIGN KEY ("specimen_id") REFERENCES "specimens"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "specimen_images" ADD CONSTRAINT "FK_00a2be58954a1cf5c13f4fb7360" FOREIGN KEY ("asset_id") REFERENCES "media_assets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "specimen_features" ADD CONSTRAINT "FK_1fcdfa776897435b174313f6c31" FOREIGN KEY ("specimen_id") REFERENCES "specimens"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Hand-added: the queue's states and the library's closed vocabularies, enforced by the database too.
    await queryRunner.query(
      `ALTER TABLE "media_assets" ADD CONSTRAINT "CHK_media_assets_status" CHECK ("status" IN ('queued', 'processing', 'ready', 'failed'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "media_assets" ADD CONSTRAINT "CHK_media_assets_progress" CHECK ("progress" BETWEEN 0 AND 100)`,
    );
    await queryRunner.query(
      `ALTER TABLE "specimens" ADD CONSTRAINT "CHK_specimens_document_type" CHECK ("document_type" IN ('TD1', 'TD2', 'TD3', 'MRV-A', 'MRV-B'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "specimen_images" ADD CONSTRAINT "CHK_specimen_images_side" CHECK ("side" IN ('data-page', 'front', 'back', 'visa-page'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "specimen_images" ADD CONSTRAINT "CHK_specimen_images_light" CHECK ("light" IN ('visible', 'transmitted', 'oblique', 'uv365', 'uv254', 'ir'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "specimen_images" ADD CONSTRAINT "CHK_specimen_images_frame" CHECK ("frame" BETWEEN 1 AND 12 AND ("frame" = 1 OR "light" = 'oblique'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "specimen_images" DROP CONSTRAINT "CHK_specimen_images_frame"`);
    await queryRunner.query(`ALTER TABLE "specimen_images" DROP CONSTRAINT "CHK_specimen_images_light"`);
    await queryRunner.query(`ALTER TABLE "specimen_images" DROP CONSTRAINT "CHK_specimen_images_side"`);
    await queryRunner.query(`ALTER TABLE "specimens" DROP CONSTRAINT "CHK_specimens_document_type"`);
    await queryRunner.query(`ALTER TABLE "media_assets" DROP CONSTRAINT "CHK_media_assets_progress"`);
    await queryRunner.query(`ALTER TABLE "media_assets" DROP CONSTRAINT "CHK_media_assets_status"`);
    await queryRunner.query(`ALTER TABLE "specimen_features" DROP CONSTRAINT "FK_1fcdfa776897435b174313f6c31"`);
    await queryRunner.query(`ALTER TABLE "specimen_images" DROP CONSTRAINT "FK_00a2be58954a1cf5c13f4fb7360"`);
    await queryRunner.query(`ALTER TABLE "specimen_images" DROP CONSTRAINT "FK_f26df4d6de739603d6897728b1d"`);
    await queryRunner.query(`ALTER TABLE "specimens" DROP CONSTRAINT "FK_ca3521e5b22ccdf8fbf0b149db9"`);
    await queryRunner.query(`ALTER TABLE "media_assets" DROP CONSTRAINT "FK_8e040e606993634b97b94f14c57"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1fcdfa776897435b174313f6c3"`);
    await queryRunner.query(`DROP TABLE "specimen_features"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_00a2be58954a1cf5c13f4fb736"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f26df4d6de739603d6897728b1"`);
    await queryRunner.query(`DROP TABLE "specimen_images"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bdf2572467a713b629ffc062a6"`);
    await queryRunner.query(`DROP TABLE "specimens"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_media_assets_queue"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_media_assets_group"`);
    await queryRunner.query(`DROP TABLE "media_assets"`);
  }
}
