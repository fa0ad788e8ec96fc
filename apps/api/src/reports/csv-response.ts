// Hands a CSV export to the HTTP response: UTF-8 CSV, as a download with its (ASCII) file name (never cached, as no
// API answer is: common/http/no-store.ts).
import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CsvFile } from './report-csv';

export function sendCsv(res: Response, file: CsvFile): string {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
  return file.body;
}

/** OpenAPI: the route answers a CSV download. */
export function ProducesCsv(what: string) {
  return applyDecorators(
    ApiProduces('text/csv'),
    ApiOkResponse({
      description: `${what} as CSV (UTF-8 with BOM; cells that could start a formula are prefixed with an apostrophe)`,
      schema: { type: 'string', format: 'binary' },
    }),
  );
}
