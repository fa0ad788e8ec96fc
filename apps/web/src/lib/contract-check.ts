// What the api client loads, on demand, to check a response against its contract (see `contract` in
// api-client.ts): the contracts and the little of zod that call sites use to wrap them. Never imported statically.
import { z as fullZod } from 'zod';

export * as contracts from '@firstline/contracts';

/** @public — read through the dynamic import in api-client.ts, which knip does not follow. */
export const z: Pick<typeof fullZod, 'array'> = { array: fullZod.array };
