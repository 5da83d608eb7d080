/**
 * `npm test` on a machine without Chromium: the browser tests are skipped with a loud notice (before the run and after
 * the summary) unless REQUIRE_BROWSER_TESTS=1, and installing never upgrades what is already there.
 */

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import { aptPlan } from '../support/browser-needs.js';
import { ROOT } from '../support/start-test-app.js';

const run = promisify(execFile);

/**
 * Runs `args` with node in the repository; `unprivileged`: as user nobody when this test runs as root (vitest itself
 * cannot: it writes its cache into node_modules).
 */
async function runAs(
  args: string[],
  env: Record<string, string>,
  unprivileged = true,
): Promise<{ code: number; output: string }> {
  const asRoot =
    unprivileged && typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/usr/bin/setpriv');
  const [command, commandArgs] = asRoot
    ? ['/usr/bin/setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...args]]
    : [process.execPath, args];
  const fullEnv = { PATH: process.env['PATH'] ?? '', HOME: '/tmp', ...env };
  try {
    const result = await run(command, commandArgs, { cwd: ROOT, env: fullEnv, timeout: 120_000 });
    return { code: 0, output: result.stdout + result.stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: (failed.stdout ?? '') + (failed.stderr ?? '') };
  }
}

const NO_CHROMIUM = { CHROMIUM_PATH: '/nonexistent/chromium' };
const TSX = ['--import', 'tsx'];

describe('browser tests on a machine without Chromium', () => {
  it('ensure-chromium, not as root: says loudly that the browser tests will be skipped and how to enable them, exit 0', async () => {
    const result = await runAs([...TSX, 'scripts/ensure-chromium.ts'], NO_CHROMIUM);
    expect(result.code).toBe(0);
    expect(result.output).toContain('BROWSER TESTS SKIPPED: test/playground/agents-playground.browser.test.ts');
    expect(result.output).toContain('Missing: chromium (/nonexistent/chromium)');
    expect(result.output).toContain('To run them: sudo apt-get install --no-upgrade chromium');
  }, 120_000);

  it('ensure-chromium: fails instead with REQUIRE_BROWSER_TESTS=1 (as .ci/run sets it)', async () => {
    const result = await runAs([...TSX, 'scripts/ensure-chromium.ts'], { ...NO_CHROMIUM, REQUIRE_BROWSER_TESTS: '1' });
    expect(result.code).toBe(1);
    expect(result.output).toContain('REQUIRE_BROWSER_TESTS=1: failing instead of skipping.');
  }, 120_000);

  it('vitest: skips the browser test file, passes, and repeats the notice after the summary', async () => {
    const result = await runAs(
      ['node_modules/vitest/vitest.mjs', 'run', 'test/playground/agents-playground.browser.test.ts'],
      { ...NO_CHROMIUM, NO_COLOR: '1' },
      false,
    );
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/Test Files\s+1 skipped/u);
    const summary = result.output.lastIndexOf('Test Files');
    expect(result.output.indexOf('BROWSER TESTS SKIPPED', summary), 'notice after the summary').toBeGreaterThan(
      summary,
    );
  }, 120_000);

  it('.ci/run requires the browser tests', async () => {
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(`${ROOT}.ci/run`, 'utf8')).toContain('REQUIRE_BROWSER_TESTS=1 npm test');
  });
});

describe('aptPlan (what an apt-get install simulation would do)', () => {
  it('tells new packages from upgrades of installed ones', () => {
    const simulation = [
      'NOTE: This is only a simulation!',
      'The following NEW packages will be installed:',
      '  chromium chromium-common',
      'Inst chromium-common (142.0.7444.175-1~deb12u1 Debian-Security:12/oldstable-security [amd64])',
      'Inst libsystemd0 [252.30-1~deb12u2] (252.39-1~deb12u1 Debian:12.12/oldstable [amd64])',
      'Inst chromium (142.0.7444.175-1~deb12u1 Debian-Security:12/oldstable-security [amd64])',
      'Inst perl [5.36.0-7+deb12u1] (5.36.0-7+deb12u3 Debian:12.12/oldstable [amd64])',
      'Conf chromium-common (142.0.7444.175-1~deb12u1 Debian-Security:12/oldstable-security [amd64])',
    ].join('\n');
    expect(aptPlan(simulation)).toEqual({
      installs: ['chromium-common', 'chromium'],
      upgrades: ['libsystemd0', 'perl'],
    });
    expect(
      aptPlan('Skipping chromium, it is already installed and upgrade is not set.\n0 upgraded, 0 newly installed'),
    ).toEqual({ installs: [], upgrades: [] });
  });
});
