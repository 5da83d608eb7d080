/**
 * A real full disk (root only, not part of `npm run bench` or CI): the bot runs with DATA_DIR on a small tmpfs,
 * and before each escalation submit the disk is filled up to a chosen number of free pages, so that a different
 * write of the submit hits ENOSPC each round; then the disk is freed and the user submits again. Prints rounds,
 * tickets lost (told but not listed), duplicates (drafts with two tickets) and undelivered L2 cards.
 *
 * Usage (as root): npx tsx bench/full-disk-tmpfs.ts [rounds]
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { countsOrExit } from './bench-args.js';
import { submitActivity, toldTicketId } from '../test/support/escalation.js';
import { startMockConnector } from '../test/support/mock-connector.js';
import { spawnBot, type BotProcess } from '../test/support/spawn-bot.js';
import { postActivity, ROOT } from '../test/support/start-test-app.js';

const [rounds] = countsOrExit('full-disk-tmpfs', 'usage: tsx bench/full-disk-tmpfs.ts [<rounds 1-1000>]', [
  ['rounds', 30, 1, 1000],
]);
const mountPoint = mkdtempSync(join(tmpdir(), 'full-disk-tmpfs-'));
execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint]);
const dataDir = join(mountPoint, 'data');
const filler = join(mountPoint, 'filler');
const connector = await startMockConnector();
const env = {
  STORAGE: 'file',
  DATA_DIR: dataDir,
  L2_CHANNEL_ID: '19:l2@thread.tacv2',
  L2_LANGUAGE: 'en',
  ESCALATION_RETRY_SECONDS: '0',
  LOG_LEVEL: 'info',
  RATE_LIMIT_PER_MINUTE: '0',
};
let bot: BotProcess = spawnBot(env);
let baseUrl = `http://127.0.0.1:${await bot.ready(30_000)}`;

/** Leaves `pages` free 4 KiB pages on the tmpfs (the filler takes the rest). */
const fillLeaving = (pages: number): void => {
  rmSync(filler, { force: true });
  const stat = statfsSync(mountPoint);
  const free = stat.bavail * stat.bsize;
  writeFileSync(filler, Buffer.alloc(Math.max(0, free - pages * 4096)));
};

const told = new Map<number, string>();
let failedSubmits = 0;
const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');
// Which writes hit the full disk (the kind of key of each ENOSPC logged by the first bot).
const failedWrites = (logs: Array<Record<string, unknown>>): string[] =>
  logs
    .map(
      (line) =>
        /cannot write ([a-z-]+)/u.exec(textOf((line['err'] as { message?: unknown } | undefined)?.message))?.[1] ?? '',
    )
    .filter(Boolean);
try {
  for (let round = 0; round < rounds; round += 1) {
    fillLeaving(round % 6);
    const full = await postActivity(
      baseUrl,
      submitActivity(connector.url, `a:tmpfs-${round}`, `draft-tmpfs-${round}`, `PC-TMPFS-${round}`),
    );
    const first = toldTicketId(full.json);
    if (first === undefined) failedSubmits += 1;
    rmSync(filler, { force: true });
    const second = await postActivity(
      baseUrl,
      submitActivity(connector.url, `a:tmpfs-${round}`, `draft-tmpfs-${round}`, `PC-TMPFS-${round}`),
    );
    const again = toldTicketId(second.json);
    if (again === undefined || (first !== undefined && first !== again)) {
      const problems = bot.logs.filter((line) => Number(line['level']) >= 40).slice(-5);
      throw new Error(
        `round ${round}: told ${String(first)} then ${String(again)}: ${second.status} ${second.text.slice(0, 300)} ${JSON.stringify(problems).slice(0, 3000)}`,
      );
    }
    told.set(round, again);
  }
  const kinds = [...new Set(failedWrites(bot.logs))].sort().join(', ');
  // Restart: start-up recovery and delivery of what is pending.
  bot.child.kill('SIGTERM');
  await bot.exited();
  bot = spawnBot(env);
  baseUrl = `http://127.0.0.1:${await bot.ready(30_000)}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && [...told.values()].some((id) => !JSON.stringify(connector.created).includes(id)))
    await new Promise((resolve) => setTimeout(resolve, 100));
  bot.child.kill('SIGTERM');
  await bot.exited();
  const listing = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/tickets.ts', 'list'], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...env },
  }).toString('utf8');
  const listed = [...listing.matchAll(/^(MDAV-\d{8}-\d{4,})\s.*\s(PC-TMPFS-\d+)\s/gmu)].map((match) => ({
    id: match[1] ?? '',
    device: match[2] ?? '',
  }));
  const lost = [...told.values()].filter((id) => !listed.some((ticket) => ticket.id === id)).length;
  const duplicates = listed.length - new Set(listed.map((ticket) => ticket.device)).size;
  const undelivered = [...told.values()].filter((id) => !JSON.stringify(connector.created).includes(id)).length;
  process.stdout.write(
    `full disk (tmpfs 4 MiB, 0-5 free pages before each submit): ${rounds} rounds, ${failedSubmits} submits failed on the full disk (ENOSPC on: ${kinds}), ` +
      `tickets ${listed.length}, lost ${lost}, duplicates ${duplicates}, undelivered ${undelivered}\n`,
  );
} finally {
  if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
  await connector.close();
  execFileSync('umount', [mountPoint]);
}
