import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Reply = (req: RecordedRequest, res: ServerResponse, attempt: number) => void;

/**
 * A real HTTP server on loopback whose answers the test scripts, one per attempt, to exercise
 * the SDK's transport (retries, timeouts, error parsing) over real sockets.
 */
export async function startFaultServer(replies: Reply[]) {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      requests.push(recorded);
      const reply = replies[Math.min(requests.length - 1, replies.length - 1)]!;
      reply(recorded, res, requests.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Reply =>
  (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': 'req_fault', ...headers });
    res.end(JSON.stringify(body));
  };

export const hangUp: Reply = (_req, res) => res.socket?.destroy();

export const never: Reply = () => {};
