import { z } from 'zod';

/** The one error shape every API error response has. */
export const ErrorBody = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
  requestId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** A per-row problem in an uploaded file (CSV import). Rows are 1-based and count the header as row 1. */
export const RowError = z.object({ row: z.number().int(), column: z.string().nullable(), reason: z.string() });
export type RowError = z.infer<typeof RowError>;
