import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A unit's users by their unit: the unit roll-up names its officers so (10,000 in a large unit), as do user lists. */
export class UsersByUnit1797000000000 implements MigrationInterface {
  name = 'UsersByUnit1797000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_users_unit" ON "users" ("unit_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_users_unit"`);
  }
}
