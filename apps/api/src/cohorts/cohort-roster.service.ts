// The cohort facts other features need without the cohorts' own rules: which cohorts exist and who is enrolled.
// Lives in the cohorts' lower module (with the AccessPolicy), which depends on no other feature, so users can call it.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CohortRef, CohortsRepository, Membership } from './cohorts.repository';

@Injectable()
export class CohortRosterService {
  constructor(private readonly cohorts: CohortsRepository) {}

  /** Every cohort with its unit and the ids of its instructors. */
  all(m?: EntityManager): Promise<CohortRef[]> {
    return this.cohorts.refs(m);
  }

  /** The names of these cohorts, by id (an unknown id is left out). */
  namesOf(cohortIds: string[], m?: EntityManager): Promise<Map<string, string>> {
    return this.cohorts.names([...new Set(cohortIds)], m);
  }

  /** Enrols trainees (already checked by the caller) in cohorts; an existing membership is left as it is. */
  enrol(memberships: Membership[], m?: EntityManager): Promise<void> {
    return this.cohorts.addMembers(memberships, m);
  }

  /** These cohorts with their unit, ordered by name (an unknown id is left out). */
  async refsOf(cohortIds: string[], m?: EntityManager): Promise<Array<{ id: string; name: string; unitId: string }>> {
    const rows = await this.cohorts.rows([...new Set(cohortIds)], m);
    return rows.map(({ id, name, unitId }) => ({ id, name, unitId }));
  }

  /** Ids of the cohorts of a unit. */
  idsInUnit(unitId: string, m?: EntityManager): Promise<string[]> {
    return this.cohorts.idsInUnit(unitId, m);
  }

  /** The ids of the members of these cohorts, by cohort (a cohort without members is left out). */
  memberIdsOf(cohortIds: string[], m?: EntityManager): Promise<Map<string, string[]>> {
    return this.cohorts.memberIdsByCohort([...new Set(cohortIds)], m);
  }

  /** The cohorts a user belongs to. */
  cohortIdsOf(userId: string, m?: EntityManager): Promise<string[]> {
    return this.cohorts.idsWithMember(userId, m);
  }

  /** The cohorts any of these users belong to, by name. */
  cohortsWithAnyOf(userIds: string[], m?: EntityManager): Promise<string[]> {
    return this.cohorts.idsWithAnyMember(userIds, m);
  }
}
