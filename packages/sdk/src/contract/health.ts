import { z } from 'zod';

/** `GET /v1/health`: liveness and which real or embedded component is in use. */
export const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    components: z.object({
      database: z.enum(['postgres', 'pglite']),
      cache: z.enum(['redis', 'memory']),
      payments: z.enum(['stripe', 'simulated']),
    }),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;
