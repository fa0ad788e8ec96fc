// CSV import of trainees: validate every row first, then create all of them in one transaction, or nothing.
import {
  ImportResult,
  Language,
  nameTextProblem,
  RowError,
  ServiceNumber,
  TRAINEE_CSV_COLUMNS,
} from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { AuditService } from '../audit';
import { CohortRosterService } from '../cohorts';
import type { Actor } from '../common/decorators/actor';
import { DomainError } from '../common/errors/domain-error';
import { textProblem } from '../common/validation/invalid-text';
import { UnitsService } from '../units';
import { hashPassword, initialPassword } from './passwords';
import { UsersRepository } from './users.repository';

const MAX_ROWS = 2000;

interface ValidRow {
  row: number;
  serviceNumber: string;
  username: string;
  displayName: string;
  unit: { id: string; code: string };
  cohortId: string | null;
  language: Language;
}

function invalid(
  errors: RowError[],
  message = 'The file was not imported: fix the listed rows and upload it again',
): DomainError {
  return new DomainError('invalid', message, { errors });
}

/** The username a service number gives: lower case, "/" becomes "-" (usernames allow no "/"). */
const usernameFor = (serviceNumber: string) => serviceNumber.toLowerCase().replace(/\//g, '-');

/** An error on each row whose (different) service number gives the same username as another row's. */
function usernameClashes(byUsername: Map<string, Array<{ row: number; serviceNumber: string }>>): RowError[] {
  return [...byUsername].flatMap(([username, rows]) =>
    rows.length < 2
      ? []
      : rows.map(({ row }) => {
          const others = rows.filter((other) => other.row !== row);
          const named = others.map((other) => `${other.serviceNumber} in row ${other.row}`).join(', ');
          return {
            row,
            column: 'service_number',
            reason: `Gives the same username (${username}) as ${named}; usernames must differ`,
          };
        }),
  );
}

/** Cells that are not valid text (a NUL character), found before any of them goes near the database. */
function invalidTextCells(records: string[][]): RowError[] {
  return records.flatMap((cells, index) =>
    cells.flatMap((cell, column) => {
      const problem = textProblem(cell);
      const name = index === 0 ? null : (TRAINEE_CSV_COLUMNS[column] ?? null);
      return problem ? [{ row: index + 1, column: name, reason: `Invalid text: ${problem}` }] : [];
    }),
  );
}

@Injectable()
export class TraineeImportService {
  constructor(
    private readonly users: UsersRepository,
    private readonly units: UnitsService,
    private readonly roster: CohortRosterService,
    private readonly audit: AuditService,
  ) {}

  async import(actor: Actor, file: Buffer | undefined): Promise<ImportResult> {
    if (!file || file.length === 0)
      throw invalid(
        [{ row: 0, column: null, reason: 'No file: send the CSV as multipart form field "file"' }],
        'The file is empty or missing',
      );
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file);
    } catch {
      throw invalid(
        [{ row: 0, column: null, reason: 'The file is not UTF-8 text' }],
        'The file is not a UTF-8 CSV file',
      );
    }
    let records: string[][];
    try {
      records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
    } catch (err) {
      const parseError = err as { lines?: number; message: string };
      const reason = `Not a readable CSV file: ${parseError.message}`;
      throw invalid([{ row: parseError.lines ?? 0, column: null, reason }], 'The file is not a readable CSV file');
    }
    if (records.length === 0)
      throw invalid([{ row: 1, column: null, reason: 'The file has no header row' }], 'The file is empty');
    const header = records[0].map((column) => column.toLowerCase().replace(/\s+/g, '_'));
    const expected = [...TRAINEE_CSV_COLUMNS];
    if (header.length !== expected.length || header.some((column, index) => column !== expected[index])) {
      throw invalid([
        {
          row: 1,
          column: null,
          reason: `Header must be exactly: ${expected.join(',')} (found: ${records[0].join(',')})`,
        },
      ]);
    }
    const textErrors = invalidTextCells(records);
    if (textErrors.length) throw invalid(textErrors);
    const body = records.slice(1);
    if (body.length === 0) throw invalid([{ row: 2, column: null, reason: 'The file has a header but no trainees' }]);
    if (body.length > MAX_ROWS)
      throw invalid([{ row: MAX_ROWS + 2, column: null, reason: `At most ${MAX_ROWS} trainees per file` }]);

    const rows = await this.validate(actor, body);
    const passwords = rows.map(() => initialPassword());
    const hashes = await Promise.all(passwords.map((password) => hashPassword(password)));

    return this.users.transaction(async (m) => {
      // Re-check uniqueness inside the transaction; the unique indexes are the last word if two imports race.
      const holders = await this.users.findHolders(
        rows.map((row) => row.serviceNumber),
        rows.map((row) => row.username),
        m,
      );
      if (holders.length) {
        const taken = new Set(holders.flatMap((holder) => [holder.serviceNumber, holder.username]));
        const clashing = rows.filter((row) => taken.has(row.serviceNumber) || taken.has(row.username));
        throw invalid(
          clashing.map((row) => ({
            row: row.row,
            column: 'service_number',
            reason: 'Service number is already registered',
          })),
        );
      }
      const created = await this.users.insertMany(
        rows.map((row, index) => ({
          username: row.username,
          displayName: row.displayName,
          role: 'trainee' as const,
          unitId: row.unit.id,
          serviceNumber: row.serviceNumber,
          language: row.language,
          passwordHash: hashes[index],
        })),
        m,
      );
      const memberships = rows.flatMap((row, index) =>
        row.cohortId ? [{ cohortId: row.cohortId, userId: created[index].id }] : [],
      );
      await this.roster.enrol(memberships, m);
      const after = { count: rows.length, serviceNumbers: rows.map((row) => row.serviceNumber) };
      await this.audit.record(
        { actorId: actor.id, action: 'user.import', entityType: 'user', entityId: 'bulk', after },
        m,
      );
      return {
        created: rows.length,
        users: rows.map((row, index) => ({
          username: row.username,
          serviceNumber: row.serviceNumber,
          displayName: row.displayName,
          initialPassword: passwords[index],
        })),
      };
    });
  }

  private async validate(actor: Actor, body: string[][]): Promise<ValidRow[]> {
    const units = await this.units.all();
    const cohorts = await this.roster.all();
    const errors: RowError[] = [];
    const seen = new Map<string, number>();
    const valid: ValidRow[] = [];
    const serviceNumbers = body.map((cells) => (cells[0] ?? '').trim()).filter(Boolean);
    const holders = await this.users.findHolders(serviceNumbers, serviceNumbers.map(usernameFor));
    const existing = new Set(holders.flatMap((holder) => [holder.serviceNumber?.toLowerCase(), holder.username]));
    /** Rows by the username their service number gives: two different numbers may give one (`A/1`, `A-1`). */
    const byUsername = new Map<string, Array<{ row: number; serviceNumber: string }>>();

    body.forEach((cells, index) => {
      const row = index + 2; // the header is row 1
      const rowErrors: RowError[] = [];
      if (cells.length !== TRAINEE_CSV_COLUMNS.length) {
        errors.push({
          row,
          column: null,
          reason: `Expected ${TRAINEE_CSV_COLUMNS.length} columns, found ${cells.length}`,
        });
        return;
      }
      const [serviceNumber, name, unitRef, cohortRef, languageCode] = cells;
      const key = serviceNumber.toLowerCase();
      const parsedServiceNumber = ServiceNumber.safeParse(serviceNumber);
      if (!parsedServiceNumber.success) {
        const reason = serviceNumber ? parsedServiceNumber.error.issues[0].message : 'Service number is required';
        rowErrors.push({ row, column: 'service_number', reason });
      } else if (seen.has(key))
        rowErrors.push({ row, column: 'service_number', reason: `Duplicate of row ${seen.get(key)} in this file` });
      else if (existing.has(key))
        rowErrors.push({ row, column: 'service_number', reason: 'Service number is already registered' });
      else if (existing.has(usernameFor(serviceNumber)))
        rowErrors.push({
          row,
          column: 'service_number',
          reason: `Username ${usernameFor(serviceNumber)} is already taken`,
        });
      else
        byUsername.set(usernameFor(serviceNumber), [
          ...(byUsername.get(usernameFor(serviceNumber)) ?? []),
          { row, serviceNumber },
        ]);
      if (serviceNumber) seen.set(key, seen.get(key) ?? row);
      if (!name) rowErrors.push({ row, column: 'name', reason: 'Name is required' });
      else if (name.length > 160) rowErrors.push({ row, column: 'name', reason: 'Name is longer than 160 characters' });
      else if (nameTextProblem(name)) rowErrors.push({ row, column: 'name', reason: `Name ${nameTextProblem(name)}` });
      const unitKey = unitRef.toLowerCase();
      const unit = units.find(
        (candidate) => candidate.code.toLowerCase() === unitKey || candidate.name.toLowerCase() === unitKey,
      );
      if (!unitRef) rowErrors.push({ row, column: 'unit', reason: 'Unit is required' });
      else if (!unit) rowErrors.push({ row, column: 'unit', reason: `No unit with code or name "${unitRef}"` });
      else if (actor.role !== 'admin' && unit.id !== actor.unitId) {
        rowErrors.push({ row, column: 'unit', reason: 'You may only import trainees into your own unit' });
      }
      let cohortId: string | null = null;
      if (cohortRef && unit) {
        const cohort = cohorts.find(
          (candidate) => candidate.unitId === unit.id && candidate.name.toLowerCase() === cohortRef.toLowerCase(),
        );
        if (!cohort) rowErrors.push({ row, column: 'cohort', reason: `No cohort "${cohortRef}" in unit ${unit.code}` });
        else if (actor.role === 'instructor' && !cohort.instructorIds.includes(actor.id)) {
          rowErrors.push({ row, column: 'cohort', reason: 'You do not run this cohort' });
        }
        cohortId = cohort?.id ?? null;
      }
      const language = Language.safeParse((languageCode || 'en').toLowerCase());
      if (!language.success)
        rowErrors.push({ row, column: 'language', reason: `Language must be one of en, ur (got "${languageCode}")` });
      if (rowErrors.length) {
        errors.push(...rowErrors);
        return;
      }
      const username = usernameFor(serviceNumber);
      valid.push({ row, serviceNumber, username, displayName: name, unit: unit!, cohortId, language: language.data! });
    });
    errors.push(...usernameClashes(byUsername));
    if (errors.length) throw invalid(errors.sort((a, b) => a.row - b.row));
    return valid;
  }
}
