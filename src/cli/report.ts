/**
 * `npm run report [-- --from 2026-11-01] [--to 2026-11-29] [--json]`: what users asked that the bot could not
 * answer, which answers were rated worst, what was escalated, and how turns ended, for a window (default: the
 * last 7 days). Reads the storage the bot is configured with.
 */

import { createAnalyticsStore } from '../analytics/analytics-store.js';
import { buildReport, formatReport } from '../analytics/build-report.js';
import { openCliStorage } from './open-cli-storage.js';
import { option } from './cli-args.js';
import { safeJson, safeStrings } from './safe-output.js';

const DAY_MS = 86_400_000;

/** Reads `--name value` from the arguments. */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const toText = option(args, 'to');
  const fromText = option(args, 'from');
  const to = toText ? new Date(`${toText}T23:59:59Z`) : new Date();
  const from = fromText ? new Date(`${fromText}T00:00:00Z`) : new Date(to.getTime() - 7 * DAY_MS);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from > to) {
    process.stderr.write('usage: npm run report -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]\n');
    return 2;
  }
  const opened = await openCliStorage('report');
  if (!opened) return 1;
  const { events, dropped } = await createAnalyticsStore(opened.store).read(from, to);
  const report = buildReport(events, from, to, dropped);
  // Stored question texts come from users: their control characters are shown escaped in both modes.
  process.stdout.write(args.includes('--json') ? `${safeJson(report, 2)}\n` : `${formatReport(safeStrings(report))}\n`);
  return 0;
}

process.exitCode = await main();
