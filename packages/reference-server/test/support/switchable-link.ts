import net from 'node:net';

/**
 * A network link to a real server that a test can cut and restore: a TCP relay on its own port.
 * While it is down, connections to the port are refused and open ones are dropped, as when the
 * shop's server or the shopper's network goes away; `up()` listens on the same port again.
 */
export interface SwitchableLink {
  /** `http://127.0.0.1:<port>`: the server's address through the link. */
  readonly url: string;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startSwitchableLink(target: string): Promise<SwitchableLink> {
  const { hostname, port: targetPort } = new URL(target);
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        const upstream = net.connect(Number(targetPort), hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as net.AddressInfo).port;
        server = s;
        resolve();
      });
    });

  const down = async () => {
    const s = server;
    server = undefined;
    // Stop listening first (new connections are refused from here on), then drop the open ones.
    // close()'s callback waits for every connection to end, which a browser's idle keep-alive
    // sockets may delay; the listening handle itself is gone at once.
    s?.close();
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };

  await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    down,
    up: async () => {
      if (!server) await listen();
    },
    close: down,
  };
}
