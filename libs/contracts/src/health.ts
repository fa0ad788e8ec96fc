import { z } from 'zod';
export const DEMO_CONTENT_STATES = ['off', 'preparing', 'ready', 'failed'] as const;
export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  db: z.enum(['up', 'down']),
  version: z.string(),
  /** The demo library (generated and ingested in the background on first start). */
  demoContent: z.enum(DEMO_CONTENT_STATES),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
