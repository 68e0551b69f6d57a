import { once } from 'node:events';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/** Requests in flight get this long to finish when the server stops (SHOPTAG_DRAIN_TIMEOUT_SECONDS). */
export const DRAIN_TIMEOUT_MS = 10_000;
const IDLE_SWEEP_MS = 25;
/**
 * Event-loop turns (each with an I/O poll) to wait before closing the listening socket, and again
 * before closing idle connections. A connection the kernel queued before the signal is accepted
 * by the first poll after it; its first bytes are read by the next. Closing earlier resets them.
 */
const POLL_TURNS = 2;

/** What a drain did, for the shutdown log. */
export interface DrainResult {
  /** Connections still busy at the timeout, cut without an answer. */
  cut: number;
}

/** Graceful shutdown of one HTTP server. */
export interface HttpDrain {
  /** True once {@link drain} has been called. */
  readonly draining: boolean;
  /**
   * Stops accepting connections and answers every request already received (those still being
   * read or routed too), each with `Connection: close`; idle keep-alive connections are closed at
   * once. Resolves when no connection is left; connections still busy after `timeoutMs` are cut.
   * Calling it again returns the same promise.
   */
  drain(timeoutMs?: number): Promise<DrainResult>;
}

const drains = new WeakMap<Server, HttpDrain>();

/** Resolves after `turns` iterations of the event loop, each of which polled for I/O. */
async function afterPolls(turns: number): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Tracks `server`'s responses from now on so that a later {@link HttpDrain.drain} can mark those
 * in progress `Connection: close`. Call it right after creating the server; calling it again
 * answers the same tracker.
 */
export function trackForDrain(server: Server): HttpDrain {
  const existing = drains.get(server);
  if (existing) return existing;
  const open = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  let draining = false;
  let drained: Promise<DrainResult> | null = null;

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // Prepended, so it runs before the app can send anything.
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (draining) {
      res.setHeader('Connection', 'close');
      return;
    }
    open.add(res);
    res.once('close', () => open.delete(res));
  });

  async function drain(timeoutMs: number): Promise<DrainResult> {
    draining = true;
    // Responses not yet started tell their client this connection ends with them.
    for (const res of open) if (!res.headersSent) res.setHeader('Connection', 'close');
    open.clear();
    if (!server.listening) return { cut: 0 };
    let cut = 0;
    const deadline = setTimeout(() => {
      cut = sockets.size;
      server.closeAllConnections();
    }, timeoutMs);
    deadline.unref();
    let sweep: NodeJS.Timeout | undefined;
    try {
      const closed = once(server, 'close');
      // Accept what the kernel already queued before the listener goes away (http.Server#close
      // would also close "idle" connections: ones accepted whose request has not been read yet).
      await afterPolls(POLL_TURNS);
      NetServer.prototype.close.call(server);
      await afterPolls(POLL_TURNS);
      server.closeIdleConnections();
      // A keep-alive connection whose last response finishes later falls idle then.
      sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
      sweep.unref();
      await closed;
      return { cut };
    } finally {
      clearTimeout(deadline);
      clearInterval(sweep);
    }
  }

  const tracker: HttpDrain = {
    get draining() {
      return draining;
    },
    drain(timeoutMs = DRAIN_TIMEOUT_MS) {
      drained ??= drain(timeoutMs);
      return drained;
    },
  };
  drains.set(server, tracker);
  return tracker;
}

/**
 * Drains `server` (see {@link HttpDrain.drain}). Responses already in progress are marked
 * `Connection: close` only when the server was passed to {@link trackForDrain} when created.
 */
export async function drainAndClose(server: Server, timeoutMs: number = DRAIN_TIMEOUT_MS): Promise<DrainResult> {
  return trackForDrain(server).drain(timeoutMs);
}
