/** Command-line arguments of the console commands: strict, so a typo is an error instead of being ignored. */

import { escapeControl } from './safe-output.js';

/** What a command accepts: each option is a flag (`--json`) or takes a value (`--from 2026-11-01`, `--from=...`). */
export interface ArgsSpec {
  readonly options: Readonly<Record<string, 'flag' | 'value'>>;
  /** How many arguments that are not options the command takes (question words, a folder, a sub-command ...). */
  readonly positionals: { readonly min: number; readonly max: number };
  /** One line: how to call the command, shown with every usage error. */
  readonly usage: string;
}

export interface ParsedArgs {
  readonly flags: ReadonlySet<string>;
  readonly values: ReadonlyMap<string, string>;
  readonly positionals: readonly string[];
}

/** Thrown by `parseArgs` and the value checks; `problems` names each bad argument. */
export class UsageError extends Error {
  readonly problems: readonly string[];
  readonly usage: string;

  constructor(problems: readonly string[], usage: string) {
    super(`${problems.join('\n')}\n${usage}`);
    this.name = 'UsageError';
    this.problems = problems;
    this.usage = usage;
  }
}

/**
 * Reads `args` against `spec`, or throws one `UsageError` naming every unknown option, missing value and
 * surplus or missing argument. `--` ends the options: what follows is positional even when it starts with `-`.
 */
export function parseArgs(args: readonly string[], spec: ArgsSpec): ParsedArgs {
  const problems: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const positionals: string[] = [];
  const known = Object.keys(spec.options).map((name) => `--${name}`);
  const accepted = known.length > 0 ? `accepted: ${known.join(', ')}` : 'this command takes no options';

  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--') {
      positionals.push(...args.slice(index + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const flag = equals >= 0 ? arg.slice(0, equals) : arg;
    const name = flag.replace(/^--?/u, '');
    const kind = flag.startsWith('--') ? spec.options[name] : undefined;
    if (kind === undefined) {
      problems.push(`unknown option ${flag} (${accepted})`);
      // A value that follows (`--frm 2026-11-01`) belongs to the mistyped option, not to the arguments.
      const next = args[index + 1];
      if (equals < 0 && next !== undefined && !next.startsWith('-')) index += 1;
      continue;
    }
    if (kind === 'flag') {
      if (equals >= 0) problems.push(`${flag} takes no value`);
      else flags.add(name);
      continue;
    }
    const value = equals >= 0 ? arg.slice(equals + 1) : args[index + 1];
    if (equals < 0) index += 1;
    if (value === undefined || value === '' || (equals < 0 && value.startsWith('--'))) {
      problems.push(`${flag} needs a value`);
      if (value?.startsWith('--')) index -= 1;
      continue;
    }
    if (values.has(name)) problems.push(`${flag} is given twice`);
    values.set(name, value);
  }
  const { min, max } = spec.positionals;
  if (positionals.length > max) {
    const extra = positionals
      .slice(max)
      .map((value) => `'${value}'`)
      .join(' ');
    problems.push(
      max === 0 ? `unexpected argument ${extra} (this command takes options only)` : `unexpected argument ${extra}`,
    );
  } else if (positionals.length < min) {
    problems.push('missing argument');
  }
  if (problems.length > 0) throw new UsageError(problems, spec.usage);
  return { flags, values, positionals };
}

/** A calendar date written YYYY-MM-DD (a real day: 2026-02-30 is refused); undefined otherwise. */
export function parseDate(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(text)) return undefined;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text ? date : undefined;
}

/** A whole number from `min` to `max` written in decimal digits; undefined otherwise. */
export function parseCount(text: string, min: number, max: number): number | undefined {
  if (!/^\d+$/u.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}

/**
 * Runs a console command's `main`: a `UsageError` is printed as "<command>: <problem>" lines plus the usage,
 * with exit code 2; anything else propagates.
 */
export async function runCli(command: string, main: () => number | Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    // Problems quote what was typed: control characters in it are shown escaped.
    process.stderr.write(
      `${error.problems.map((problem) => `${command}: ${escapeControl(problem)}`).join('\n')}\n${error.usage}\n`,
    );
    process.exitCode = 2;
  }
}
