/** A peer that accepts connections and requests and never answers, or one that drops every connection at once. */

import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface SilentPeer {
  readonly url: string;
  /** Connections accepted so far. */
  readonly connections: number;
  close(): Promise<void>;
}

/**
 * Starts a loopback TCP server that reads whatever comes and never writes back (`drop`: closes each connection at
 * once).
 */
export async function startSilentPeer(mode: 'silent' | 'drop' = 'silent'): Promise<SilentPeer> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    if (mode === 'drop') {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('data', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
