import { once } from 'node:events';
import type { Server } from 'node:http';

/** Requests in flight get this long to finish when the server stops. */
export const DRAIN_TIMEOUT_MS = 10_000;
const IDLE_SWEEP_MS = 25;

/**
 * Stops accepting connections, closes idle keep-alive ones, and resolves once every request in
 * flight has been answered (connections still busy after `timeoutMs` are cut).
 */
export async function drainAndClose(server: Server, timeoutMs: number = DRAIN_TIMEOUT_MS): Promise<void> {
  if (!server.listening) return;
  const closed = once(server, 'close');
  server.close();
  server.closeIdleConnections();
  // A keep-alive connection whose last response just finished would otherwise linger until its
  // keep-alive timeout: close connections as they fall idle.
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
  sweep.unref();
  deadline.unref();
  try {
    await closed;
  } finally {
    clearInterval(sweep);
    clearTimeout(deadline);
  }
}
