// Several weeks of simulated history for the demo trainees (demo-history-profiles.ts), so the reports mean something
// on first start. Runs in the background once the demo content is ready (DemoContentService calls
// afterDemoContent), never delaying it. Each trainee's attempts go through the attempts feature's HistoryRecorder —
// the live scoring code, the reports' fact tables through AttemptEvents — in one transaction; a trainee who already
// has an attempt at the demo modules is left alone, so it runs once and resumes after an interruption.
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { HistoryRecorder, type HistoricalAttempt, type HistoryPools } from '../attempts';
import { CohortRosterService } from '../cohorts';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ModulesService } from '../modules';
import { UsersService } from '../users';
import { DEMO_PROFILES, type DemoProfile } from './demo-history-profiles';
import { answerItem, seededRandom, sessionsOf, type DemoModuleKey } from './demo-history-simulation';
import { DemoHistoryRepository } from './demo-history.repository';
import { DEMO_MODULES } from './demo-modules';

export interface DemoHistoryReport {
  trainees: number;
  attempts: number;
  items: number;
  /** Trainees left alone: history already recorded, or not in a cohort with the demo modules. */
  skipped: number;
  ms: number;
}

const KEY_OF_SEED: Record<string, DemoModuleKey> = {
  'demo-module:practice': 'practice',
  'demo-module:drill': 'drill',
  'demo-module:assessment': 'assessment',
};

@Injectable()
export class DemoHistoryService implements OnModuleDestroy {
  private readonly logger = new Logger(DemoHistoryService.name);
  /** Whether the history is being recorded, done (or found done), or failed; 'off' until asked. */
  state: 'off' | 'running' | 'done' | 'failed' = 'off';
  private running: Promise<DemoHistoryReport> | null = null;
  private stopping = false;

  constructor(
    private readonly store: DemoHistoryRepository,
    private readonly recorder: HistoryRecorder,
    private readonly users: UsersService,
    private readonly roster: CohortRosterService,
    private readonly modules: ModulesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts the history in the background when the demo is seeded and DEMO_HISTORY is on. */
  afterDemoContent(): void {
    if (!this.config.SEED_DEMO || !this.config.DEMO_HISTORY) return;
    this.seed().catch((err: unknown) => this.logger.error(`demo history could not be recorded: ${String(err)}`));
  }

  /** Records the history (once; a second call while one runs shares it). `now` places it in time (tests). */
  seed(now = new Date()): Promise<DemoHistoryReport> {
    if (!this.running) {
      this.state = 'running';
      this.running = this.run(now).then(
        (report) => {
          this.state = 'done';
          this.running = null;
          return report;
        },
        (err: unknown) => {
          this.state = 'failed';
          this.running = null;
          throw err;
        },
      );
    }
    return this.running;
  }

  /** A shutdown lets the trainee being recorded finish, and records no more. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.running?.catch(() => undefined);
  }

  private async run(now: Date): Promise<DemoHistoryReport> {
    const t0 = Date.now();
    const report: DemoHistoryReport = { trainees: 0, attempts: 0, items: 0, skipped: 0, ms: 0 };
    const traineeIds = await this.users.idsWithUsernamePrefix('trainee');
    const idOf = new Map((await this.users.summaries(traineeIds)).map((u) => [u.username, u.id]));
    const cohortIds = await this.roster.cohortsWithAnyOf(traineeIds);
    const cohortOf = new Map<string, string>();
    for (const [cohortId, members] of await this.roster.memberIdsOf(cohortIds))
      for (const userId of members) cohortOf.set(userId, cohortId);
    const demoAssignments = await this.demoAssignments(cohortIds);
    const pools = await this.recorder.pools([...demoAssignments.values()].flatMap((a) => Object.values(a)));
    for (const profile of DEMO_PROFILES) {
      if (this.stopping) break;
      const userId = idOf.get(profile.username);
      const assignments = userId ? demoAssignments.get(cohortOf.get(userId) ?? '') : undefined;
      if (!userId || !assignments) {
        report.skipped++;
        continue;
      }
      const history = this.historyOf(profile, userId, assignments, pools, now);
      const recorded = await this.store.lockedTransaction(async (m) => {
        if (await this.recorder.hasAttempts(userId, Object.values(assignments), m)) return false;
        await this.recorder.record(history, m);
        return true;
      });
      if (!recorded) {
        report.skipped++;
        continue;
      }
      report.trainees++;
      report.attempts += history.length;
      report.items += history.reduce((n, h) => n + h.items.length, 0);
    }
    report.ms = Date.now() - t0;
    if (report.trainees)
      this.logger.log(
        `demo history recorded: ${report.trainees} trainees, ${report.attempts} attempts, ${report.items} items in ${report.ms} ms`,
      );
    return report;
  }

  /** Per cohort, its assignments of the three demo modules (cohorts without all three are left out). */
  private async demoAssignments(cohortIds: string[]): Promise<Map<string, Record<DemoModuleKey, string>>> {
    const titles = new Map(DEMO_MODULES.map((d) => [d.input.title, KEY_OF_SEED[d.key]]));
    const found = new Map<string, Partial<Record<DemoModuleKey, string>>>();
    for (const assignment of await this.modules.assignmentsOfCohorts(cohortIds)) {
      const key = titles.get(assignment.module.title);
      if (!key) continue;
      const byKey = found.get(assignment.cohort.id) ?? {};
      byKey[key] ??= assignment.id;
      found.set(assignment.cohort.id, byKey);
    }
    const complete = new Map<string, Record<DemoModuleKey, string>>();
    for (const [cohortId, byKey] of found)
      if (byKey.practice && byKey.drill && byKey.assessment)
        complete.set(cohortId, byKey as Record<DemoModuleKey, string>);
    return complete;
  }

  private historyOf(
    profile: DemoProfile,
    userId: string,
    assignments: Record<DemoModuleKey, string>,
    pools: HistoryPools,
    now: Date,
  ): HistoricalAttempt[] {
    const random = seededRandom(`firstline-demo-history:${profile.username}`);
    return sessionsOf(profile, now, random).map((session) => {
      const assignmentId = assignments[session.module];
      const items = pools.draw(assignmentId, userId, random).map((exercise) => ({
        exerciseVersionId: exercise.id,
        ...answerItem(profile, exercise, session.module, session.progress, random),
      }));
      return { userId, assignmentId, startedAt: session.startedAt, items };
    });
  }
}
