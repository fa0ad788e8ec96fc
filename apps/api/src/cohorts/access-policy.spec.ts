import type { Actor } from '../common/decorators/actor';
import { AccessPolicy, type UserFacts } from './access-policy';
import type { CohortsRepository } from './cohorts.repository';

const UNIT = 'unit-isb';
const OTHER_UNIT = 'unit-lhe';
const admin: Actor = { id: 'admin', role: 'admin', unitId: null };
const supervisor: Actor = { id: 'supervisor', role: 'supervisor', unitId: UNIT };
const instructor: Actor = { id: 'instructor', role: 'instructor', unitId: UNIT };
const trainee: Actor = { id: 'trainee', role: 'trainee', unitId: UNIT };

/**
 * A repository with two cohorts in UNIT (one run by the instructor, with a trainee of OTHER_UNIT) and one in
 * OTHER_UNIT.
 */
function policy() {
  const cohorts = {
    allIds: jest.fn(async () => ['run', 'not-run', 'elsewhere']),
    idsInUnit: jest.fn(async (unitId: string | null) =>
      unitId === UNIT ? ['run', 'not-run'] : unitId === OTHER_UNIT ? ['elsewhere'] : [],
    ),
    idsRunBy: jest.fn(async (userId: string) => (userId === instructor.id ? ['run'] : [])),
    idsWithMember: jest.fn(async (userId: string) => (userId === trainee.id ? ['run'] : [])),
    memberIdsOfCohortsRunBy: jest.fn(async (userId: string) =>
      userId === instructor.id ? ['trainee', 'visiting-trainee'] : [],
    ),
    runs: jest.fn(async (userId: string, cohortId: string) => userId === instructor.id && cohortId === 'run'),
  };
  return { access: new AccessPolicy(cohorts as unknown as CohortsRepository), cohorts };
}

const user = (id: string, role: UserFacts['role'], unitId: string | null): UserFacts => ({ id, role, unitId });

describe('AccessPolicy', () => {
  describe('visibleCohortIds', () => {
    it('gives an admin every cohort', async () => {
      await expect(policy().access.visibleCohortIds(admin)).resolves.toEqual(['run', 'not-run', 'elsewhere']);
    });

    it('gives a supervisor the cohorts of their unit', async () => {
      await expect(policy().access.visibleCohortIds(supervisor)).resolves.toEqual(['run', 'not-run']);
    });

    it('gives an instructor the cohorts they run', async () => {
      await expect(policy().access.visibleCohortIds(instructor)).resolves.toEqual(['run']);
    });

    it('gives a trainee the cohorts they belong to', async () => {
      await expect(policy().access.visibleCohortIds(trainee)).resolves.toEqual(['run']);
    });

    it('reads inside the caller’s transaction when given its manager', async () => {
      const { access, cohorts } = policy();
      const manager = {} as never;
      await access.visibleCohortIds(supervisor, manager);
      expect(cohorts.idsInUnit).toHaveBeenCalledWith(UNIT, manager);
    });
  });

  describe('canSeeCohort', () => {
    it('lets an admin see any cohort without reading the cohorts', async () => {
      const { access, cohorts } = policy();
      await expect(access.canSeeCohort(admin, 'elsewhere')).resolves.toBe(true);
      expect(cohorts.allIds).not.toHaveBeenCalled();
    });

    it('lets a supervisor see their unit’s cohorts and not another unit’s', async () => {
      const { access } = policy();
      await expect(access.canSeeCohort(supervisor, 'not-run')).resolves.toBe(true);
      await expect(access.canSeeCohort(supervisor, 'elsewhere')).resolves.toBe(false);
    });

    it('lets an instructor see the cohorts they run and not the others of their unit', async () => {
      const { access } = policy();
      await expect(access.canSeeCohort(instructor, 'run')).resolves.toBe(true);
      await expect(access.canSeeCohort(instructor, 'not-run')).resolves.toBe(false);
    });

    it('lets a trainee see their own cohorts only', async () => {
      const { access } = policy();
      await expect(access.canSeeCohort(trainee, 'run')).resolves.toBe(true);
      await expect(access.canSeeCohort(trainee, 'not-run')).resolves.toBe(false);
    });
  });

  describe('canRunCohort', () => {
    it('lets an admin change any cohort', async () => {
      await expect(policy().access.canRunCohort(admin, 'elsewhere')).resolves.toBe(true);
    });

    it('never lets a supervisor change a cohort, even one of their unit', async () => {
      await expect(policy().access.canRunCohort(supervisor, 'run')).resolves.toBe(false);
    });

    it('lets an instructor change a cohort they run', async () => {
      await expect(policy().access.canRunCohort(instructor, 'run')).resolves.toBe(true);
    });

    it('does not let an instructor change a cohort they do not run', async () => {
      await expect(policy().access.canRunCohort(instructor, 'not-run')).resolves.toBe(false);
    });

    it('never lets a trainee change a cohort, even their own', async () => {
      await expect(policy().access.canRunCohort(trainee, 'run')).resolves.toBe(false);
    });
  });

  describe('userScope', () => {
    it('gives an admin everyone', async () => {
      await expect(policy().access.userScope(admin)).resolves.toEqual({ kind: 'everyone' });
    });

    it('gives a supervisor the users of their unit', async () => {
      await expect(policy().access.userScope(supervisor)).resolves.toEqual({ kind: 'unit', unitId: UNIT });
    });

    it('gives an instructor their unit’s trainees and the members of the cohorts they run', async () => {
      await expect(policy().access.userScope(instructor)).resolves.toEqual({
        kind: 'trainees',
        unitId: UNIT,
        alsoUserIds: ['trainee', 'visiting-trainee'],
      });
    });

    it('gives a trainee only themselves', async () => {
      await expect(policy().access.userScope(trainee)).resolves.toEqual({ kind: 'self', userId: trainee.id });
    });
  });

  describe('canSeeUser', () => {
    it('lets an admin see anyone', async () => {
      await expect(policy().access.canSeeUser(admin, user('x', 'supervisor', OTHER_UNIT))).resolves.toBe(true);
    });

    it('lets a supervisor see anyone of their unit, whatever the role', async () => {
      await expect(policy().access.canSeeUser(supervisor, user('x', 'instructor', UNIT))).resolves.toBe(true);
    });

    it('does not let a supervisor see another unit’s users', async () => {
      await expect(policy().access.canSeeUser(supervisor, user('x', 'trainee', OTHER_UNIT))).resolves.toBe(false);
    });

    it('does not let a supervisor without a unit see users without a unit', async () => {
      await expect(policy().access.canSeeUser({ ...supervisor, unitId: null }, user('x', 'admin', null))).resolves.toBe(
        false,
      );
    });

    it('lets an instructor see a trainee of their unit', async () => {
      await expect(policy().access.canSeeUser(instructor, user('x', 'trainee', UNIT))).resolves.toBe(true);
    });

    it('lets an instructor see another unit’s trainee who is in a cohort they run', async () => {
      await expect(
        policy().access.canSeeUser(instructor, user('visiting-trainee', 'trainee', OTHER_UNIT)),
      ).resolves.toBe(true);
    });

    it('does not let an instructor see another unit’s trainee outside their cohorts', async () => {
      await expect(policy().access.canSeeUser(instructor, user('x', 'trainee', OTHER_UNIT))).resolves.toBe(false);
    });

    it('does not let an instructor see staff, even of their unit', async () => {
      await expect(policy().access.canSeeUser(instructor, user('x', 'supervisor', UNIT))).resolves.toBe(false);
    });

    it('lets a trainee see themselves', async () => {
      await expect(policy().access.canSeeUser(trainee, user(trainee.id, 'trainee', UNIT))).resolves.toBe(true);
    });

    it('does not let a trainee see another trainee of their unit', async () => {
      await expect(policy().access.canSeeUser(trainee, user('x', 'trainee', UNIT))).resolves.toBe(false);
    });
  });

  describe('exercises and modules (content of a unit)', () => {
    const { access } = policy();

    it('lets an admin see and change every unit’s content, and content of no unit', () => {
      for (const unitId of [UNIT, OTHER_UNIT, null]) {
        expect(access.canSeeUnitContent(admin, unitId)).toBe(true);
        expect(access.canChangeUnitContent(admin, unitId)).toBe(true);
      }
      expect(access.contentScope(admin)).toEqual({ kind: 'every' });
    });

    it('lets an instructor see and change their own unit’s content only', () => {
      expect(access.canChangeUnitContent(instructor, UNIT)).toBe(true);
      expect(access.canSeeUnitContent(instructor, OTHER_UNIT)).toBe(false);
      expect(access.canSeeUnitContent(instructor, null)).toBe(false);
      expect(access.contentScope(instructor)).toEqual({ kind: 'unit', unitId: UNIT });
    });

    it('lets a supervisor read their own unit’s content and change none', () => {
      expect(access.canSeeUnitContent(supervisor, UNIT)).toBe(true);
      expect(access.canChangeUnitContent(supervisor, UNIT)).toBe(false);
      expect(access.canSeeUnitContent(supervisor, OTHER_UNIT)).toBe(false);
    });

    it('shows a trainee, or staff without a unit, none of it', () => {
      expect(access.canSeeUnitContent(trainee, UNIT)).toBe(false);
      expect(access.canSeeUnitContent({ ...instructor, unitId: null }, null)).toBe(false);
    });
  });
});
