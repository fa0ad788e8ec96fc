// Retiring an exercise: it keeps its versions and history but leaves the pool pickers and cannot join a new module
// version. Null: in use.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class ExerciseRetirement1796500000000 implements MigrationInterface {
  name = 'ExerciseRetirement1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exercises" ADD "retired_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exercises" DROP COLUMN "retired_at"`);
  }
}
