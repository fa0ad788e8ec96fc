// CSV import of trainees: validate every row first, then create all of them in one transaction, or nothing.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ImportResult, Language, RowError, ServiceNumber, TRAINEE_CSV_COLUMNS } from '@firstline/contracts';
import { parse } from 'csv-parse/sync';
import { randomBytes } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/passwords';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { Cohort } from '../cohorts/cohort.entity';
import { Unit } from '../units/unit.entity';
import { User } from './user.entity';

const MAX_ROWS = 2000;

interface ValidRow {
  row: number;
  serviceNumber: string;
  username: string;
  displayName: string;
  unit: Unit;
  cohort: Cohort | null;
  language: Language;
}

function invalid(errors: RowError[], message = 'The file was not imported: fix the listed rows and upload it again'): DomainError {
  return new DomainError('invalid', message, { errors });
}

@Injectable()
export class TraineeImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async import(actor: Actor, file: Buffer | undefined): Promise<ImportResult> {
    if (!file || file.length === 0) throw invalid([{ row: 0, column: null, reason: 'No file: send the CSV as multipart form field "file"' }], 'The file is empty or missing');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file);
    } catch {
      throw invalid([{ row: 0, column: null, reason: 'The file is not UTF-8 text' }], 'The file is not a UTF-8 CSV file');
    }
    let records: string[][];
    try {
      records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
    } catch (err) {
      const e = err as { lines?: number; message: string };
      throw invalid([{ row: e.lines ?? 0, column: null, reason: `Not a readable CSV file: ${e.message}` }], 'The file is not a readable CSV file');
    }
    if (records.length === 0) throw invalid([{ row: 1, column: null, reason: 'The file has no header row' }], 'The file is empty');
    const header = records[0].map((h) => h.toLowerCase().replace(/\s+/g, '_'));
    const expected = [...TRAINEE_CSV_COLUMNS];
    if (header.length !== expected.length || header.some((h, i) => h !== expected[i])) {
      throw invalid([{ row: 1, column: null, reason: `Header must be exactly: ${expected.join(',')} (found: ${records[0].join(',')})` }]);
    }
    const body = records.slice(1);
    if (body.length === 0) throw invalid([{ row: 2, column: null, reason: 'The file has a header but no trainees' }]);
    if (body.length > MAX_ROWS) throw invalid([{ row: MAX_ROWS + 2, column: null, reason: `At most ${MAX_ROWS} trainees per file` }]);

    const rows = await this.validate(actor, body);
    const passwords = rows.map(() => randomBytes(9).toString('base64url'));
    const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));

    return this.db.transaction(async (m) => {
      // Re-check uniqueness inside the transaction; the unique indexes are the last word if two imports race.
      const clash = await m.find(User, { where: [{ serviceNumber: In(rows.map((r) => r.serviceNumber)) }, { username: In(rows.map((r) => r.username)) }] });
      if (clash.length) {
        const taken = new Set(clash.flatMap((u) => [u.serviceNumber, u.username]));
        throw invalid(rows.filter((r) => taken.has(r.serviceNumber) || taken.has(r.username)).map((r) => ({ row: r.row, column: 'service_number', reason: 'Service number is already registered' })));
      }
      const created = await m.save(
        rows.map((r, i) =>
          m.create(User, { username: r.username, displayName: r.displayName, role: 'trainee', unitId: r.unit.id, serviceNumber: r.serviceNumber, language: r.language, passwordHash: hashes[i], active: true }),
        ),
      );
      const memberships = rows.flatMap((r, i) => (r.cohort ? [{ cohort_id: r.cohort.id, user_id: created[i].id }] : []));
      if (memberships.length) await m.createQueryBuilder().insert().into('cohort_members').values(memberships).execute();
      await this.audit.record(
        { actorId: actor.id, action: 'user.import', entityType: 'user', entityId: 'bulk', after: { count: rows.length, serviceNumbers: rows.map((r) => r.serviceNumber) } },
        m,
      );
      return {
        created: rows.length,
        users: rows.map((r, i) => ({ username: r.username, serviceNumber: r.serviceNumber, displayName: r.displayName, initialPassword: passwords[i] })),
      };
    });
  }

  private async validate(actor: Actor, body: string[][]): Promise<ValidRow[]> {
    const units = await this.db.getRepository(Unit).find();
    const cohorts = await this.db.getRepository(Cohort).find({ relations: { instructors: true } });
    const errors: RowError[] = [];
    const seen = new Map<string, number>();
    const out: ValidRow[] = [];
    const sns = body.map((r) => (r[0] ?? '').trim()).filter(Boolean);
    const existing = new Set(
      (await this.db.getRepository(User).find({ where: [{ serviceNumber: In(sns) }, { username: In(sns.map((s) => s.toLowerCase())) }], select: { serviceNumber: true, username: true } })).flatMap(
        (u) => [u.serviceNumber?.toLowerCase(), u.username],
      ),
    );

    body.forEach((cells, i) => {
      const row = i + 2; // the header is row 1
      const rowErrors: RowError[] = [];
      if (cells.length !== TRAINEE_CSV_COLUMNS.length) {
        errors.push({ row, column: null, reason: `Expected ${TRAINEE_CSV_COLUMNS.length} columns, found ${cells.length}` });
        return;
      }
      const [sn, name, unitRef, cohortRef, lang] = cells;
      const snParsed = ServiceNumber.safeParse(sn);
      if (!snParsed.success) rowErrors.push({ row, column: 'service_number', reason: sn ? snParsed.error.issues[0].message : 'Service number is required' });
      else if (seen.has(sn.toLowerCase())) rowErrors.push({ row, column: 'service_number', reason: `Duplicate of row ${seen.get(sn.toLowerCase())} in this file` });
      else if (existing.has(sn.toLowerCase())) rowErrors.push({ row, column: 'service_number', reason: 'Service number is already registered' });
      if (sn) seen.set(sn.toLowerCase(), seen.get(sn.toLowerCase()) ?? row);
      if (!name) rowErrors.push({ row, column: 'name', reason: 'Name is required' });
      else if (name.length > 160) rowErrors.push({ row, column: 'name', reason: 'Name is longer than 160 characters' });
      const unit = units.find((u) => u.code.toLowerCase() === unitRef.toLowerCase() || u.name.toLowerCase() === unitRef.toLowerCase());
      if (!unitRef) rowErrors.push({ row, column: 'unit', reason: 'Unit is required' });
      else if (!unit) rowErrors.push({ row, column: 'unit', reason: `No unit with code or name "${unitRef}"` });
      else if (actor.role !== 'admin' && unit.id !== actor.unitId) rowErrors.push({ row, column: 'unit', reason: 'You may only import trainees into your own unit' });
      let cohort: Cohort | null = null;
      if (cohortRef && unit) {
        cohort = cohorts.find((c) => c.unitId === unit.id && c.name.toLowerCase() === cohortRef.toLowerCase()) ?? null;
        if (!cohort) rowErrors.push({ row, column: 'cohort', reason: `No cohort "${cohortRef}" in unit ${unit.code}` });
        else if (actor.role === 'instructor' && !cohort.instructors?.some((x) => x.id === actor.id))
          rowErrors.push({ row, column: 'cohort', reason: 'You do not run this cohort' });
      }
      const language = Language.safeParse((lang || 'en').toLowerCase());
      if (!language.success) rowErrors.push({ row, column: 'language', reason: `Language must be one of en, ur (got "${lang}")` });
      if (rowErrors.length) {
        errors.push(...rowErrors);
        return;
      }
      out.push({ row, serviceNumber: sn, username: sn.toLowerCase().replace(/\//g, '-'), displayName: name, unit: unit!, cohort, language: language.data! });
    });
    if (errors.length) throw invalid(errors);
    return out;
  }
}
