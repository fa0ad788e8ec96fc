// SQL for exposure control: which documents each officer has seen the truth of (truth_exposures).
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { TruthExposure, type ExposureSource } from './truth-exposure.entity';

@Injectable()
export class ExposuresRepository {
  constructor(@InjectRepository(TruthExposure) private readonly exposures: Repository<TruthExposure>) {}

  private db(m?: EntityManager): EntityManager {
    return m ?? this.exposures.manager;
  }

  /** Records that the officer has seen the truth of these exercises (the first time counts; repeats change nothing). */
  async record(
    userId: string,
    exerciseIds: string[],
    source: ExposureSource,
    attemptId: string | null,
    m?: EntityManager,
    /** When it was shown: now, unless recorded afterwards (the demo history). */
    seenAt?: Date,
  ): Promise<void> {
    if (!exerciseIds.length) return;
    await this.db(m).query(
      `INSERT INTO truth_exposures (user_id, exercise_id, source, attempt_id, first_seen_at)
       SELECT $1, e, $3, $4, coalesce($5::timestamptz, now()) FROM unnest($2::uuid[]) AS e
       ON CONFLICT (user_id, exercise_id) DO NOTHING`,
      [userId, [...new Set(exerciseIds)], source, attemptId, seenAt ?? null],
    );
  }

  /** For each of these officers, which of these exercises they have seen the truth of (officers with none omitted). */
  async exposedOf(userIds: string[], exerciseIds: string[], m?: EntityManager): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>();
    if (!userIds.length || !exerciseIds.length) return out;
    const rows: Array<{ userId: string; exerciseId: string }> = await this.db(m).query(
      `SELECT user_id AS "userId", exercise_id AS "exerciseId" FROM truth_exposures
        WHERE user_id = ANY($1::uuid[]) AND exercise_id = ANY($2::uuid[])`,
      [userIds, exerciseIds],
    );
    for (const row of rows) {
      const seen = out.get(row.userId);
      if (seen) seen.add(row.exerciseId);
      else out.set(row.userId, new Set([row.exerciseId]));
    }
    return out;
  }

  /** How many officers have seen the truth of each of these exercises (exercises nobody has seen omitted). */
  async countsByExercise(exerciseIds: string[], m?: EntityManager): Promise<Map<string, number>> {
    if (!exerciseIds.length) return new Map();
    const rows: Array<{ id: string; n: number }> = await this.db(m).query(
      `SELECT exercise_id AS id, count(*)::int AS n FROM truth_exposures
        WHERE exercise_id = ANY($1::uuid[]) GROUP BY exercise_id`,
      [exerciseIds],
    );
    return new Map(rows.map((r) => [r.id, r.n]));
  }
}
