import { z } from 'zod';

/** A component the server can run without for a while (`cache`), or not at all (`database`). */
const HealthComponent = z.enum(['database', 'cache']);

/**
 * `GET /v1/health`: liveness, which real or embedded component is in use, and which does not
 * answer. `ok`: everything answers. `degraded`: the cache (Redis) does not answer and the server
 * serves from the database and in-process state (HTTP 200). `down`: the database does not
 * answer (HTTP 503).
 */
export const Health = z
  .object({
    status: z.enum(['ok', 'degraded', 'down']),
    version: z.string(),
    components: z.object({
      database: z.enum(['postgres', 'pglite']),
      cache: z.enum(['redis', 'memory']),
      payments: z.enum(['stripe', 'simulated']),
    }),
    /** Components that do not answer right now (empty when `status` is `ok`). */
    unavailable: z.array(HealthComponent),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;
