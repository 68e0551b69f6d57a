// A bare HTTP/1.1 client on a TCP socket, for tests that must know exactly when bytes were handed
// to the kernel (fetch and http.request buffer in user land) and how a connection ended.
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

const HEADER_END = '\r\n\r\n';

/**
 * Parses one complete response at the start of `data`; null while it is incomplete. With
 * `ended`, a response without a length ends with the connection.
 */
function parseResponse(data: Buffer, ended = false): { response: RawResponse; rest: Buffer } | null {
  const headEnd = data.indexOf(HEADER_END);
  if (headEnd < 0) return null;
  const [statusLine = '', ...lines] = data.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  if (!Number.isInteger(status)) throw new Error(`not an HTTP response: ${JSON.stringify(statusLine)}`);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let offset = headEnd + HEADER_END.length;
  if (headers['transfer-encoding'] === 'chunked') {
    const chunks: Buffer[] = [];
    for (;;) {
      const lineEnd = data.indexOf('\r\n', offset);
      if (lineEnd < 0) return null;
      const size = parseInt(data.subarray(offset, lineEnd).toString('latin1'), 16);
      const start = lineEnd + 2;
      if (data.length < start + size + 2) return null;
      offset = start + size + 2;
      if (size === 0) break;
      chunks.push(data.subarray(start, start + size));
    }
    return { response: { status, headers, body: Buffer.concat(chunks).toString('utf8') }, rest: data.subarray(offset) };
  }
  const length =
    status === 204 || status === 304 ? 0 : Number(headers['content-length'] ?? (ended ? data.length - offset : NaN));
  if (!Number.isInteger(length)) return null;
  if (data.length < offset + length) return null;
  return {
    response: { status, headers, body: data.subarray(offset, offset + length).toString('utf8') },
    rest: data.subarray(offset + length),
  };
}

/** One client connection: raw writes, and the responses read from it in order. */
export class RawConnection {
  /** Resolves when the socket has closed, with the error that closed it, if any. */
  readonly closed: Promise<Error | null>;
  private buffered: Buffer = Buffer.alloc(0);
  private readonly responses: RawResponse[] = [];
  private waiting: { resolve: (r: RawResponse) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      for (let parsed = parseResponse(this.buffered); parsed; parsed = parseResponse(this.buffered)) {
        this.buffered = parsed.rest;
        this.responses.push(parsed.response);
      }
      this.settle();
    });
    this.closed = new Promise((resolve) => {
      let error: Error | null = null;
      socket.on('error', (e) => (error = e));
      socket.on('close', () => {
        const last = error ? null : parseResponse(this.buffered, true);
        if (last) {
          this.buffered = last.rest;
          this.responses.push(last.response);
        }
        this.failure =
          error ??
          new Error(
            this.buffered.length > 0
              ? 'connection closed in the middle of a response'
              : 'connection closed before a response',
          );
        this.settle();
        resolve(error);
      });
    });
  }

  /** Connects; resolves once the TCP handshake is done (the kernel has queued the connection). */
  static open(port: number, host = '127.0.0.1'): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host });
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new RawConnection(socket));
      });
      socket.once('error', reject);
    });
  }

  /** Resolves once the bytes are handed to the kernel: on loopback, the server's to read. */
  write(data: string): Promise<void> {
    return new Promise((resolve, reject) => this.socket.write(data, (error) => (error ? reject(error) : resolve())));
  }

  /** The next complete response; rejects when the connection ends or fails first. */
  nextResponse(): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.settle();
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private settle(): void {
    if (!this.waiting) return;
    const next = this.responses.shift();
    if (next) {
      this.waiting.resolve(next);
      this.waiting = null;
    } else if (this.failure) {
      this.waiting.reject(this.failure);
      this.waiting = null;
    }
  }
}

/** The bytes of a request; `body` is sent as JSON with its length. */
export function rawRequest(method: string, path: string, headers: Record<string, string>, body?: string): string {
  const lines = [
    `${method} ${path} HTTP/1.1`,
    'Host: 127.0.0.1',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  if (body !== undefined) lines.push('Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body ?? ''}`;
}
