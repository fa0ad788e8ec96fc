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

/**
 * How far the demo content is (GET /api/demo-content/status): the practice modules are prepared first, then the
 * rest of the library and the assessment.
 */
export const DemoContentStatus = z.object({
  state: z.enum(DEMO_CONTENT_STATES),
  /** What is being prepared now: 'practice' (the practice and drill modules), then 'library' (the assessment). */
  step: z.enum(['practice', 'library']).nullable(),
  /** The practice modules are published and assigned: a demo trainee can start them. */
  practiceReady: z.boolean(),
  /** Progress of the current step, 0–100. */
  percent: z.number().int().min(0).max(100),
  /** How many documents the current step prepares (0 when none runs). */
  documents: z.number().int().min(0),
});
export type DemoContentStatus = z.infer<typeof DemoContentStatus>;
