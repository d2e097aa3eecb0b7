/**
 * A TCP proxy on 127.0.0.1 that loses answers: for the first `drop` connections it forwards the request to
 * the target and, as soon as the target starts answering, resets the client's connection instead of
 * passing the answer on. The server has executed; the client sees a network error. Later connections are
 * piped both ways. Hand-written on node:net because the fault needs to sit exactly between "the server
 * answered" and "the client read it", which no proxy library exposes.
 */

import type { AddressInfo } from 'node:net';
import { connect, createServer, type Socket } from 'node:net';

export interface DropProxy {
  url: string;
  /** Connections accepted so far. */
  connections(): number;
  /** Connections reset after the target answered. */
  dropped(): number;
  close(): Promise<void>;
}

export async function startDropProxy(input: { targetUrl: string; drop: number }): Promise<DropProxy> {
  const target = new URL(input.targetUrl);
  const sockets = new Set<Socket>();
  let connections = 0;
  let dropped = 0;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    const index = ++connections;
    const upstream = connect(Number(target.port), target.hostname);
    track(client);
    track(upstream);
    client.pipe(upstream);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    if (index <= input.drop) {
      upstream.once('data', () => {
        dropped++;
        client.resetAndDestroy();
        upstream.destroy();
      });
    } else {
      upstream.pipe(client);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => connections,
    dropped: () => dropped,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
