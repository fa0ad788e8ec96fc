// Seeds the demo organisation from fixtures/demo-organisation.json. Idempotent: existing rows are left as they are.
// It runs with the migrations, before the app starts, on their connection: like a migration it writes the tables of
// several features (units, users, cohorts), which is why it lives in the database layer and not in a feature.
import fs from 'node:fs';
import path from 'node:path';
import { Language, Role } from '@firstline/contracts';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { hashPassword } from '../users';

export const DEMO_FIXTURE = path.resolve(__dirname, '..', '..', '..', '..', 'fixtures', 'demo-organisation.json');

const DemoOrganisation = z.object({
  password: z.string().min(8),
  units: z.array(z.object({ code: z.string(), name: z.string() })).min(1),
  staff: z.array(
    z.object({
      username: z.string(),
      displayName: z.string(),
      role: Role,
      unit: z.string().nullable(),
      serviceNumber: z.string().nullable(),
      language: Language,
    }),
  ),
  cohorts: z.array(
    z.object({
      name: z.string(),
      unit: z.string(),
      instructors: z.array(z.string()),
      startsOn: z.string().nullable(),
      endsOn: z.string().nullable(),
    }),
  ),
  trainees: z.array(
    z.object({
      username: z.string(),
      displayName: z.string(),
      serviceNumber: z.string(),
      unit: z.string(),
      cohort: z.string().nullable(),
      language: Language,
    }),
  ),
});
export type DemoOrganisation = z.infer<typeof DemoOrganisation>;

export function readDemoOrganisation(file = DEMO_FIXTURE): DemoOrganisation {
  const parsed = DemoOrganisation.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `Demo fixture ${file} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

export interface SeedReport {
  unitsCreated: number;
  usersCreated: number;
  cohortsCreated: number;
}

export async function seedDemoOrganisation(db: DataSource, org = readDemoOrganisation()): Promise<SeedReport> {
  // One hash for every demo account: they share the published demo password anyway, and start-up stays fast.
  const passwordHash = await hashPassword(org.password);
  return db.transaction(async (m) => {
    // Several replicas may start at once: one seeds, the others wait and then find everything in place.
    await m.query('SELECT pg_advisory_xact_lock(727001)');
    const report: SeedReport = { unitsCreated: 0, usersCreated: 0, cohortsCreated: 0 };
    const unitId = new Map<string, string>();
    for (const u of org.units) {
      const [row] = await m.query(
        `INSERT INTO units (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING RETURNING id`,
        [u.code, u.name],
      );
      if (row) report.unitsCreated++;
      unitId.set(u.code, row?.id ?? (await m.query('SELECT id FROM units WHERE code = $1', [u.code]))[0].id);
    }
    const userId = new Map<string, string>();
    const people = [
      ...org.staff.map((s) => ({ ...s, cohort: null as string | null })),
      ...org.trainees.map((t) => ({ ...t, role: 'trainee' as const })),
    ];
    for (const p of people) {
      const [row] = await m.query(
        `INSERT INTO users (username, display_name, role, unit_id, service_number, language, password_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO NOTHING RETURNING id`,
        [
          p.username,
          p.displayName,
          p.role,
          p.unit ? unitId.get(p.unit) : null,
          p.serviceNumber,
          p.language,
          passwordHash,
        ],
      );
      if (row) report.usersCreated++;
      userId.set(
        p.username,
        row?.id ?? (await m.query('SELECT id FROM users WHERE username = $1', [p.username]))[0].id,
      );
    }
    for (const c of org.cohorts) {
      const uid = unitId.get(c.unit);
      const [row] = await m.query(
        `INSERT INTO cohorts (name, unit_id, starts_on, ends_on) VALUES ($1, $2, $3, $4) ON CONFLICT ON CONSTRAINT uq_cohorts_unit_name DO NOTHING RETURNING id`,
        [c.name, uid, c.startsOn, c.endsOn],
      );
      if (!row) continue; // an existing cohort keeps whatever instructors and members it has now
      report.cohortsCreated++;
      for (const i of c.instructors)
        await m.query('INSERT INTO cohort_instructors (cohort_id, user_id) VALUES ($1, $2)', [row.id, userId.get(i)]);
      const members = org.trainees.filter((t) => t.cohort === c.name).map((t) => userId.get(t.username));
      await m.query('INSERT INTO cohort_members (cohort_id, user_id) SELECT $1, unnest($2::uuid[])', [row.id, members]);
    }
    return report;
  });
}
