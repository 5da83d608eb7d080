/** Every console and benchmark command refuses unknown options and bad values: a message naming them, exit code 2. */

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import { ROOT } from '../support/start-test-app.js';

const run = promisify(execFile);

/** Runs `script` with `args` the way npm does (tsx), and returns its exit code and standard error. */
async function exitOf(script: string, args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    await run(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '' },
      timeout: 60_000,
    });
    return { code: 0, stderr: '' };
  } catch (error) {
    const failed = error as { code?: number; stderr?: string };
    return { code: failed.code ?? -1, stderr: failed.stderr ?? '' };
  }
}

// [command as the README names it, script, arguments, what stderr must say]
const MISTAKES: ReadonlyArray<readonly [string, string, string[], string]> = [
  [
    'report (typo)',
    'src/cli/report.ts',
    ['--frm', '2026-11-01'],
    'report: unknown option --frm (accepted: --from, --to, --json)\nusage: ',
  ],
  [
    'report (no date)',
    'src/cli/report.ts',
    ['--from', '2026-02-30'],
    "report: --from '2026-02-30' is not a date (YYYY-MM-DD)",
  ],
  [
    'report (window backwards)',
    'src/cli/report.ts',
    ['--from', '2026-11-02', '--to', '2026-11-01'],
    'report: --from 2026-11-02 is after --to 2026-11-01',
  ],
  ['report (stray word)', 'src/cli/report.ts', ['json'], "report: unexpected argument 'json'"],
  ['tickets (option)', 'src/cli/tickets.ts', ['list', '--all'], 'tickets: unknown option --all'],
  ['tickets (command)', 'src/cli/tickets.ts', ['lsit'], "tickets: unknown command 'lsit' (list or show)"],
  ['tickets (id)', 'src/cli/tickets.ts', ['show', '42'], "tickets: '42' is not a ticket id (MDAV-YYYYMMDD-NNNN)"],
  [
    'ask (option)',
    'src/cli/ask.ts',
    ['--jsn', 'tamper protection'],
    'ask: unknown option --jsn (accepted: --json, --jsonl, --locale)',
  ],
  ['ask (locale)', 'src/cli/ask.ts', ['--locale', 'japanese!', 'x'], "ask: --locale 'japanese!' is not a language tag"],
  ['kb:check', 'src/cli/kb-check.ts', ['--fix'], 'kb:check: unknown option --fix (this command takes no options)'],
  [
    'package',
    'src/cli/package-app.ts',
    ['--botid', '8f7e6d5c-4b3a-4291-8807-6a5b4c3d2e1f'],
    'package: unknown option --botid (accepted: --bot-id, --out, --allow-placeholders)',
  ],
  ['load', 'bench/load.ts', ['30s'], "load: seconds '30s' is not a whole number from 1 to 3600"],
  [
    'train:decision',
    'bench/train-decision.ts',
    ['--wirte'],
    'train:decision: unknown option --wirte (accepted: --write)',
  ],
  ['echo-compare', 'bench/echo-compare.ts', ['5', '3', '10', '1'], "echo-compare: unexpected argument '1'"],
];

describe('operator commands say what is wrong', () => {
  it.each(MISTAKES)('%s: exit 2 and a message naming the argument', async (_name, script, args, message) => {
    const result = await exitOf(script, args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toMatch(/usage: /u);
    expect(result.stderr, 'no stack trace').not.toMatch(/\n\s+at /u);
    expect(
      result.stderr.split('\n').filter((line) => line.startsWith('usage: ')),
      'one usage line',
    ).toHaveLength(1);
  });
});
