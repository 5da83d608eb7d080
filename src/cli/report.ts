/**
 * `npm run report [-- --from 2026-11-01] [--to 2026-11-29] [--json]`: what users asked that the bot could not
 * answer, which answers were rated worst, what was escalated, and how turns ended, for a window (default: the
 * last 7 days). Reads the storage the bot is configured with.
 */

import { createAnalyticsStore } from '../analytics/analytics-store.js';
import { buildReport, formatReport } from '../analytics/build-report.js';
import { openCliStorage } from './open-cli-storage.js';
import { parseArgs, parseDate, runCli, UsageError, type ArgsSpec } from './cli-args.js';
import { safeJson, safeStrings } from './safe-output.js';

const DAY_MS = 86_400_000;

const SPEC: ArgsSpec = {
  options: { from: 'value', to: 'value', json: 'flag' },
  positionals: { min: 0, max: 0 },
  usage: 'usage: npm run report -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]',
};

/** The report window from the arguments: --from 00:00 to --to 23:59:59 UTC, by default the last 7 days. */
function windowOf(values: ReadonlyMap<string, string>): { from: Date; to: Date } {
  const problems: string[] = [];
  const date = (name: string): Date | undefined => {
    const text = values.get(name);
    if (text === undefined) return undefined;
    const parsed = parseDate(text);
    if (parsed === undefined) problems.push(`--${name} '${text}' is not a date (YYYY-MM-DD)`);
    return parsed;
  };
  const fromDay = date('from');
  const toDay = date('to');
  const to = toDay ? new Date(toDay.getTime() + DAY_MS - 1000) : new Date();
  const from = fromDay ?? new Date(to.getTime() - 7 * DAY_MS);
  if (problems.length === 0 && from > to)
    problems.push(`--from ${values.get('from') ?? ''} is after ${toDay ? `--to ${values.get('to') ?? ''}` : 'today'}`);
  if (problems.length > 0) throw new UsageError(problems, SPEC.usage);
  return { from, to };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), SPEC);
  const { from, to } = windowOf(args.values);
  const opened = await openCliStorage('report');
  if (!opened) return 1;
  const { events, dropped } = await createAnalyticsStore(opened.store).read(from, to);
  const report = buildReport(events, from, to, dropped);
  // Stored question texts come from users: their control characters are shown escaped in both modes.
  process.stdout.write(args.flags.has('json') ? `${safeJson(report, 2)}\n` : `${formatReport(safeStrings(report))}\n`);
  return 0;
}

await runCli('report', main);
