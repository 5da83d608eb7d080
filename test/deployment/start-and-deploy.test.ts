/**
 * The README's two ways to run, done for real in a temporary copy of the repository (without node_modules):
 * a development clone (`npm ci`, `npm start` builds and runs), and the hosting path (`npm run build`,
 * `npm prune --omit=dev`, the zip's folders alone, `npm start` with production dependencies only). Each start
 * is stopped with SIGTERM sent to the npm process, as a host stops its start command: the bot must shut down
 * gracefully, npm must exit 0, and no process may stay behind.
 */

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { messageActivity } from '../support/activities.js';
import { canRunLinuxBinaries, HOSTED_NODE_VERSIONS, nodeBinDir } from '../support/node-binaries.js';
import { hostEnv, processesIn, startCommand, type StartedCommand } from '../support/spawn-start.js';
import { postActivity, ROOT } from '../support/start-test-app.js';

/** Never copied: installed or generated, or local secrets. */
const NOT_COPIED = new Set(['node_modules', 'dist', 'build', 'data', 'test-artifacts', 'coverage', '.git', '.env']);

/** The folders and files the README's `zip` line puts into the deployment zip. */
function zipEntries(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const line = readme
    .split('\n')
    .map((text) => text.trim())
    .find((text) => text.startsWith('zip -qr bot.zip '));
  if (line === undefined) throw new Error('README: no `zip -qr bot.zip ...` line');
  return line.slice('zip -qr bot.zip '.length).trim().split(/\s+/u);
}

const npm = (cwd: string, ...args: string[]): string =>
  execFileSync('npm', args, { cwd, env: hostEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * Starts `npm start` in `cwd` (with the `node` of `nodeBin` first on the PATH when given), checks it answers, stops it
 * with SIGTERM to npm, and checks everything ended well.
 */
async function startAnswerAndStop(cwd: string, nodeBin?: string): Promise<StartedCommand> {
  const env = hostEnv({ PORT: '0', HOST: '127.0.0.1', STORAGE: 'memory' });
  if (nodeBin !== undefined) env['PATH'] = `${nodeBin}:${env['PATH'] ?? ''}`;
  const started = startCommand('npm', ['start'], cwd, env);
  try {
    const port = await started.ready(90_000);
    const baseUrl = `http://127.0.0.1:${port}`;
    expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200);
    const answer = await postActivity(
      baseUrl,
      messageActivity({
        serviceUrl: 'http://127.0.0.1:9',
        text: 'tamper protection cannot be turned on',
        expectReplies: true,
      }),
    );
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('application/vnd.microsoft.card.adaptive');
    // Both ways build dist/ with its start cache, and the knowledge is read from it (not parsed and tokenized again).
    expect(started.logs.find((line) => line['msg'] === 'knowledge loaded')).toMatchObject({ startCache: 'hit' });

    started.child.kill('SIGTERM');
    expect(await started.exited()).toEqual({ code: 0, signal: null });
    expect(started.logs.map((line) => line['msg'])).toEqual(
      expect.arrayContaining(['shutting down: no new activities accepted', 'shutdown complete']),
    );
    expect(started.logs.find((line) => line['msg'] === 'shutdown complete')).toMatchObject({ clean: true });
    // Nothing keeps running in the folder: the bot was not left behind by npm.
    expect(processesIn(cwd)).toEqual([]);
    return started;
  } finally {
    if (started.child.exitCode === null) started.child.kill('SIGKILL');
    for (const pid of processesIn(cwd)) process.kill(pid, 'SIGKILL');
  }
}

describe('npm start in a fresh clone and in the deployment zip', () => {
  const work = mkdtempSync(join(tmpdir(), 'deploy-'));
  afterAll(() => {
    for (const pid of processesIn(work)) process.kill(pid, 'SIGKILL');
    rmSync(work, { recursive: true, force: true });
  }, 120_000);

  it('runs with npm ci + npm start, and with production dependencies only; SIGTERM to npm stops the bot gracefully', async () => {
    const clone = join(work, 'clone');
    for (const name of readdirSync(ROOT))
      if (!NOT_COPIED.has(name)) cpSync(join(ROOT, name), join(clone, name), { recursive: true });
    expect(existsSync(join(clone, 'node_modules'))).toBe(false);

    // A fresh clone: npm ci, then npm start builds and runs.
    npm(clone, 'ci', '--no-audit', '--no-fund');
    const dev = await startAnswerAndStop(clone);
    expect(existsSync(join(clone, 'dist/index.js'))).toBe(true);
    expect(dev.output()).not.toContain('DeprecationWarning');

    // The hosting path, as the README gives it: build, drop the dev dependencies, zip the listed folders.
    npm(clone, 'run', 'build');
    npm(clone, 'prune', '--omit=dev', '--no-audit', '--no-fund');
    for (const devOnly of ['typescript', 'tsx', 'vitest'])
      expect(existsSync(join(clone, 'node_modules', devOnly)), devOnly).toBe(false);
    const site = join(work, 'site');
    mkdirSync(site);
    // Moving stands in for zip + unzip: the same files, without copying node_modules once more.
    for (const entry of zipEntries()) renameSync(join(clone, entry), join(site, entry));
    expect(existsSync(join(site, 'node_modules/typescript'))).toBe(false);
    await startAnswerAndStop(site);

    // The same folder on the Node.js lines the bot is hosted on (restify's spdy used process.binding('http_parser'),
    // which Node 24 removed: the bot did not start there until vendor/http-deceiver).
    if (canRunLinuxBinaries)
      for (const version of HOSTED_NODE_VERSIONS) {
        const hosted = await startAnswerAndStop(site, nodeBinDir(version));
        expect(hosted.logs.find((line) => line['msg'] === 'bot ready')).toMatchObject({ node: `v${version}` });
        expect(hosted.output(), version).not.toContain('DeprecationWarning');
      }
  }, 600_000);
});
