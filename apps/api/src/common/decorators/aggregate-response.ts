// A large aggregate's success response (a cohort dashboard, a unit roll-up, a heatmap): documented by its contract's
// DTO like any other, but not parsed again on the way out.
//
// Every other route's answer goes through ZodSerializerInterceptor, which parses it against its schema and sends the
// copy: the last guard that no field outside the contract (an answer key, say) leaves the server. An aggregate is
// built field by field by its mapper from counts (compiled against the contract's type), carries nothing of an
// exercise's truth, and is read only by staff; and parsing it costs what its size does. For a 500-officer cohort
// the copy was 2.9 of the 7 MB the API allocated per call and 8 of its 42 ms of CPU (docs/benchmarks.md). The
// reports' e2e parses each aggregate against the same schema and requires the parse to change nothing.
import { applyDecorators, HttpCode, type Type } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

/** `dto` is a zod DTO class (createZodDto); its `Output` documents the response, as ZodResponse does. */
export const AggregateResponse = (dto: { Output: Type<unknown> }) =>
  applyDecorators(HttpCode(200), ApiResponse({ status: 200, type: dto.Output }));
