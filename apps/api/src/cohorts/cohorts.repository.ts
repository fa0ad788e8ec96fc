// The cohorts feature's data layer: the cohorts, cohort_instructors and cohort_members tables.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Cohort } from './cohort.entity';

/** A cohort with its instructors and its number of members (the unit's name is the units feature's). */
export interface CohortRow {
  id: string;
  name: string;
  unitId: string;
  startsOn: string | null;
  endsOn: string | null;
  instructorIds: string[];
  memberCount: number;
}

/** A cohort as the trainee CSV import matches it: by unit and name, with who runs it. */
export interface CohortRef {
  id: string;
  name: string;
  unitId: string;
  instructorIds: string[];
}

/** A cohorts row with its instructors' ids, as PostgreSQL returns it. */
interface CohortRefRow {
  id: string;
  name: string;
  unit_id: string;
  instructor_ids: string[] | null;
}

export interface NewCohort {
  name: string;
  unitId: string;
  startsOn: string | null;
  endsOn: string | null;
}

export interface Membership {
  cohortId: string;
  userId: string;
}

@Injectable()
export class CohortsRepository {
  constructor(@InjectRepository(Cohort) private readonly cohorts: Repository<Cohort>) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.cohorts.manager.transaction(work);
  }

  private repo(m?: EntityManager): Repository<Cohort> {
    return m ? m.getRepository(Cohort) : this.cohorts;
  }

  private async ids(sql: string, params: unknown[], m?: EntityManager): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.repo(m).query(sql, params);
    return rows.map((row) => row.id);
  }

  allIds(m?: EntityManager): Promise<string[]> {
    return this.ids('SELECT id FROM cohorts', [], m);
  }

  idsInUnit(unitId: string | null, m?: EntityManager): Promise<string[]> {
    return this.ids('SELECT id FROM cohorts WHERE unit_id = $1', [unitId], m);
  }

  idsRunBy(instructorId: string, m?: EntityManager): Promise<string[]> {
    return this.ids('SELECT cohort_id AS id FROM cohort_instructors WHERE user_id = $1', [instructorId], m);
  }

  idsWithMember(userId: string, m?: EntityManager): Promise<string[]> {
    return this.ids('SELECT cohort_id AS id FROM cohort_members WHERE user_id = $1', [userId], m);
  }

  /** The members of every cohort the instructor runs. */
  memberIdsOfCohortsRunBy(instructorId: string, m?: EntityManager): Promise<string[]> {
    return this.ids(
      'SELECT DISTINCT m.user_id AS id FROM cohort_members m JOIN cohort_instructors i ON i.cohort_id = m.cohort_id WHERE i.user_id = $1',
      [instructorId],
      m,
    );
  }

  memberIds(cohortId: string, m?: EntityManager): Promise<string[]> {
    return this.ids('SELECT user_id AS id FROM cohort_members WHERE cohort_id = $1', [cohortId], m);
  }

  /**
   * The members of these cohorts, by cohort. The ids come as a JSON array (JSON.parse) rather than a uuid[] (pg's
   * character-by-character array parser): a whole unit's 10,000 members parse in a fraction of the time.
   */
  async memberIdsByCohort(cohortIds: string[], m?: EntityManager): Promise<Map<string, string[]>> {
    if (!cohortIds.length) return new Map();
    const rows: Array<{ cohort_id: string; ids: string[] }> = await this.repo(m).query(
      'SELECT cohort_id, json_agg(user_id) AS ids FROM cohort_members WHERE cohort_id = ANY($1::uuid[]) GROUP BY cohort_id',
      [cohortIds],
    );
    return new Map(rows.map((row) => [row.cohort_id, row.ids]));
  }

  async isMember(cohortId: string, userId: string, m?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await this.repo(m).query(
      'SELECT 1 FROM cohort_members WHERE cohort_id = $1 AND user_id = $2',
      [cohortId, userId],
    );
    return rows.length > 0;
  }

  async runs(instructorId: string, cohortId: string, m?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await this.repo(m).query(
      'SELECT 1 FROM cohort_instructors WHERE cohort_id = $1 AND user_id = $2',
      [cohortId, instructorId],
    );
    return rows.length > 0;
  }

  exists(id: string, m?: EntityManager): Promise<boolean> {
    return this.repo(m).exists({ where: { id } });
  }

  nameTaken(unitId: string, name: string, m?: EntityManager): Promise<boolean> {
    return this.repo(m).exists({ where: { unitId, name } });
  }

  findById(id: string, m?: EntityManager): Promise<Cohort | null> {
    return this.repo(m).findOne({ where: { id } });
  }

  /**
   * Cohorts with these ids, each with its instructors and member count, ordered by name (the caller orders by unit).
   */
  async rows(ids: string[], m?: EntityManager): Promise<CohortRow[]> {
    if (!ids.length) return [];
    const rows: Array<{
      id: string;
      name: string;
      unit_id: string;
      starts_on: string | null;
      ends_on: string | null;
      instructor_ids: string[] | null;
      member_count: number;
    }> = await this.repo(m).query(
      `SELECT c.id, c.name, c.unit_id, to_char(c.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(c.ends_on, 'YYYY-MM-DD') AS ends_on,
              (SELECT array_agg(i.user_id ORDER BY i.user_id) FROM cohort_instructors i WHERE i.cohort_id = c.id) AS instructor_ids,
              (SELECT count(*)::int FROM cohort_members x WHERE x.cohort_id = c.id) AS member_count
         FROM cohorts c WHERE c.id = ANY($1::uuid[]) ORDER BY c.name`,
      [ids],
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      unitId: row.unit_id,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      instructorIds: row.instructor_ids ?? [],
      memberCount: row.member_count,
    }));
  }

  /** The names of the cohorts with these ids, by id. */
  async names(ids: string[], m?: EntityManager): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const cohorts = await this.repo(m).find({ where: { id: In(ids) }, select: { id: true, name: true } });
    return new Map(cohorts.map((cohort) => [cohort.id, cohort.name]));
  }

  /** Every cohort with the ids of its instructors. */
  async refs(m?: EntityManager): Promise<CohortRef[]> {
    // The instructors' ids come from cohort_instructors alone: loading the relation would read the users table.
    const rows: CohortRefRow[] = await this.repo(m).query(
      `SELECT c.id, c.name, c.unit_id,
              (SELECT array_agg(i.user_id) FROM cohort_instructors i WHERE i.cohort_id = c.id) AS instructor_ids
         FROM cohorts c`,
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      unitId: row.unit_id,
      instructorIds: row.instructor_ids ?? [],
    }));
  }

  async insert(cohort: NewCohort, instructorIds: string[], m?: EntityManager): Promise<string> {
    const repo = this.repo(m);
    const saved = await repo.save(
      repo.create({ ...cohort, instructors: instructorIds.map((id) => ({ id })), members: [] }),
    );
    return saved.id;
  }

  async update(id: string, fields: NewCohort, m?: EntityManager): Promise<void> {
    await this.repo(m).update({ id }, fields);
  }

  async setInstructors(id: string, instructorIds: string[], m?: EntityManager): Promise<void> {
    // TypeORM compares with the stored instructors and writes only the difference to cohort_instructors.
    await this.repo(m).save({ id, instructors: instructorIds.map((userId) => ({ id: userId })) });
  }

  async delete(id: string, m?: EntityManager): Promise<void> {
    await this.repo(m).delete({ id });
  }

  async addMembers(memberships: Membership[], m?: EntityManager): Promise<void> {
    if (!memberships.length) return;
    await this.repo(m).query(
      'INSERT INTO cohort_members (cohort_id, user_id) SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING',
      [memberships.map((x) => x.cohortId), memberships.map((x) => x.userId)],
    );
  }

  async removeMember(cohortId: string, userId: string, m?: EntityManager): Promise<void> {
    await this.repo(m).query('DELETE FROM cohort_members WHERE cohort_id = $1 AND user_id = $2', [cohortId, userId]);
  }

  /** Cohorts per unit. */
  async countByUnit(unitIds: string[], m?: EntityManager): Promise<Map<string, number>> {
    const rows: Array<{ unitId: string; n: number }> = await (m ?? this.cohorts.manager)
      .getRepository(Cohort)
      .createQueryBuilder('c')
      .select('c.unit_id', 'unitId')
      .addSelect('count(*)::int', 'n')
      .where('c.unit_id IN (:...unitIds)', { unitIds })
      .groupBy('c.unit_id')
      .getRawMany();
    return new Map(rows.map((row) => [row.unitId, row.n]));
  }

  /** The cohorts any of these users belong to, by name. */
  async idsWithAnyMember(userIds: string[], m?: EntityManager): Promise<string[]> {
    if (!userIds.length) return [];
    return this.ids(
      `SELECT c.id FROM cohorts c
        WHERE EXISTS (SELECT 1 FROM cohort_members x WHERE x.cohort_id = c.id AND x.user_id = ANY($1::uuid[]))
        ORDER BY c.name`,
      [userIds],
      m,
    );
  }
}
