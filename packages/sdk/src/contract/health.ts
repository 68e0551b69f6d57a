import { z } from 'zod';

/** A component the server can run without for a while (`cache`), or not at all (`database`). */
const HealthComponent = z.enum(['database', 'cache']);

/** Which real or embedded implementation of each component the server uses. */
const HealthComponents = z.object({
  database: z.enum(['postgres', 'pglite']),
  cache: z.enum(['redis', 'memory']),
  payments: z.enum(['stripe', 'simulated']),
});

/**
 * `GET /v1/health`: liveness. The process is up and answering; it checks no dependency, so it
 * answers at once whatever the database or Redis do (a supervisor restarts the process only
 * when this fails). Names the components in use.
 */
export const Liveness = z
  .object({
    status: z.literal('ok'),
    version: z.string(),
    components: HealthComponents,
  })
  .meta({ id: 'Liveness' });
export type Liveness = z.infer<typeof Liveness>;

/**
 * `GET /v1/health/ready`: readiness — whether the database and the cache (Redis) answer. `ok`:
 * both answer (HTTP 200). `degraded`: the cache does not answer; the server still serves from
 * the database and in-process state, slower, so it stays ready (HTTP 200: every process shares
 * that Redis, and a balancer dropping unready processes would drop them all). `down`: the database does not answer
 * (HTTP 503). While the process drains after SIGTERM, `draining` is true and the answer is a 503
 * whatever the components say.
 */
export const Health = z
  .object({
    status: z.enum(['ok', 'degraded', 'down']),
    version: z.string(),
    components: HealthComponents,
    /** Components that do not answer right now (empty when `status` is `ok`). */
    unavailable: z.array(HealthComponent),
    /** The process is stopping: it finishes requests in flight and takes no new work. */
    draining: z.boolean(),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;
