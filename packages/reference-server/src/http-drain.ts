import { once } from 'node:events';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/** Requests in flight get this long to finish when the server stops (SHOPTAG_DRAIN_TIMEOUT_SECONDS). */
export const DRAIN_TIMEOUT_MS = 10_000;
const IDLE_SWEEP_MS = 25;

/** What a drain did, for the shutdown log. */
export interface DrainResult {
  /** Connections still open at the timeout, cut without an answer. */
  cut: number;
}

/** Graceful shutdown of one HTTP server. */
export interface HttpDrain {
  /** True once {@link drain} has been called. */
  readonly draining: boolean;
  /**
   * Stops accepting connections and answers every request already received, those still being
   * read or routed too, each with `Connection: close`; idle keep-alive connections are closed at
   * once. Resolves when no connection is left; connections still open after `timeoutMs` are cut.
   * Calling it again returns the same promise.
   */
  drain(timeoutMs?: number): Promise<DrainResult>;
}

/** What the drain needs to know of one connection to tell whether it is idle. */
interface ConnectionState {
  /** Requests whose response has not finished. */
  responses: number;
  /** Bytes read when it last had nothing in progress: more since means a request has begun. */
  quietBytes: number;
  /** The event loop has polled since it was accepted, so bytes the client sent have been read. */
  polled: boolean;
}

const drains = new WeakMap<Server, HttpDrain>();

/** Resolves in the check phase of the next loop iteration. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Resolves once the event loop has polled for I/O at least once after the call, from any phase. */
async function afterPoll(): Promise<void> {
  await nextTurn();
  await nextTurn();
}

/**
 * Tracks `server`'s connections and responses so that {@link HttpDrain.drain} can tell idle
 * connections from those with a request begun, and mark responses in progress
 * `Connection: close`. Call it right after creating the server; calling it again answers the
 * same tracker.
 */
export function trackForDrain(server: Server): HttpDrain {
  const existing = drains.get(server);
  if (existing) return existing;
  const connections = new Map<Socket, ConnectionState>();
  const open = new Set<ServerResponse>();
  let accepted = 0;
  let draining = false;
  let drained: Promise<DrainResult> | null = null;

  server.on('connection', (socket: Socket) => {
    accepted++;
    const state: ConnectionState = { responses: 0, quietBytes: 0, polled: false };
    connections.set(socket, state);
    socket.once('close', () => connections.delete(socket));
    void afterPoll().then(() => (state.polled = true));
  });
  // Prepended, so it runs before the app can send anything.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    if (draining) res.setHeader('Connection', 'close');
    else open.add(res);
    const socket = req.socket;
    const state = connections.get(socket);
    if (state) state.responses++;
    const settle = () => {
      if (state && state.responses === 0) state.quietBytes = socket.bytesRead;
    };
    res.once('close', () => {
      open.delete(res);
      if (state) state.responses--;
      settle();
    });
    // A body read after its response (an early error answer) is not a new request.
    req.once('end', settle);
  });

  const isIdle = (socket: Socket, state: ConnectionState) =>
    state.polled && state.responses === 0 && socket.bytesRead === state.quietBytes && !socket.destroyed;

  function closeIdle(): void {
    for (const [socket, state] of connections) if (isIdle(socket, state)) socket.destroy();
  }

  async function drain(timeoutMs: number): Promise<DrainResult> {
    draining = true;
    // Responses not yet started tell their client that the connection ends with them.
    for (const res of open) if (!res.headersSent) res.setHeader('Connection', 'close');
    open.clear();
    if (!server.listening) return { cut: 0 };
    let cut = 0;
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      if (server.listening) NetServer.prototype.close.call(server);
      cut = connections.size;
      server.closeAllConnections();
      for (const socket of connections.keys()) socket.destroy();
    }, timeoutMs);
    deadline.unref();
    let sweep: NodeJS.Timeout | undefined;
    try {
      const closed = once(server, 'close');
      // Closing the listener resets the connections the kernel has queued that we have not yet
      // accepted, requests already sent on them, and libuv accepts one per loop iteration: under
      // load dozens wait there. So keep accepting until an iteration brings none (at the latest
      // until the deadline), then close the listener, with net's close: http's would also destroy
      // connections accepted whose first bytes have not been read yet, as idle.
      const accepting = (async () => {
        await nextTurn();
        for (let seen = -1; seen !== accepted && !timedOut;) {
          seen = accepted;
          await nextTurn();
        }
        if (server.listening) NetServer.prototype.close.call(server);
      })();
      // Meanwhile idle keep-alive connections close, once a poll has read what they were sent;
      // others fall idle when their last response finishes.
      await afterPoll();
      closeIdle();
      sweep = setInterval(closeIdle, IDLE_SWEEP_MS);
      sweep.unref();
      await accepting;
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
