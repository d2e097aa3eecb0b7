/**
 * verify's own fault-injecting TCP proxy on 127.0.0.1. Each connection is piped to the server, except one
 * armed with `dropNext()`: its request is forwarded and handled by the server, and as soon as the server
 * starts answering, the client's socket is destroyed and the answer never passed on. The server has done
 * the work; the client sees a cut connection. Written on node:net because the fault has to sit exactly
 * between "the server answered" and "the client read it".
 */
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`, plus the base URL's path. */
  url: string;
  /** The next connection's answer is dropped. */
  dropNext(): void;
  /** Answers dropped so far (the server answered, the client never saw it). */
  dropped(): number;
  close(): Promise<void>;
}

export async function startFaultProxy(input: { targetUrl: string }): Promise<FaultProxy> {
  const target = new URL(input.targetUrl);
  const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
  const sockets = new Set<Socket>();
  let armed = 0;
  let dropped = 0;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    const upstream = connect(port, target.hostname);
    track(client);
    track(upstream);
    client.pipe(upstream);
    client.on('close', () => upstream.destroy());
    if (armed > 0) {
      armed--;
      upstream.once('data', () => {
        dropped++;
        client.resetAndDestroy();
        upstream.destroy();
      });
    } else {
      upstream.pipe(client);
      upstream.on('close', () => client.end());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: proxyPort } = server.address() as AddressInfo;
  const path = target.pathname === '/' ? '' : target.pathname;
  return {
    url: `${target.protocol}//127.0.0.1:${proxyPort}${path}`,
    dropNext: () => {
      armed++;
    },
    dropped: () => dropped,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
