/** Starts Azurite's blob service for a test: in memory, telemetry off, on a free loopback port; stopped by pid. */

import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';

import { freePort } from '../../bench/process-probe.js';
import { ROOT } from './start-test-app.js';

export interface Azurite {
  readonly connectionString: string;
  stop(): Promise<void>;
}

const ACCOUNT = 'devstoreaccount1';
// Azurite's well-known development account key (public, not a secret).
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const listening = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** Starts Azurite and waits until it accepts connections. */
export async function startAzurite(): Promise<Azurite> {
  const port = await freePort();
  const child = spawn(
    join(ROOT, 'node_modules/.bin/azurite-blob'),
    [
      '--inMemoryPersistence',
      '--disableTelemetry',
      '--skipApiVersionCheck',
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
      '--silent',
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (await listening(port)) break;
    if (child.exitCode !== null) throw new Error(`azurite exited with ${child.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
