/** Arguments of the benchmark commands: the same strict parsing as the console commands, exit 2 on a mistake. */

import { parseArgs, parseCount, UsageError, type ArgsSpec } from '../src/cli/cli-args.js';

/** Prints "<command>: <problem>" lines and the usage, and exits 2. */
function exitWithUsage(command: string, error: UsageError): never {
  process.stderr.write(`${error.problems.map((problem) => `${command}: ${problem}`).join('\n')}\n${error.usage}\n`);
  process.exit(2);
}

/**
 * The positional whole numbers `counts` describes (name, default, min, max), from process.argv; exits 2 on a mistake.
 */
export function countsOrExit<const T extends ReadonlyArray<readonly [string, number, number, number]>>(
  command: string,
  usage: string,
  counts: T,
): { -readonly [K in keyof T]: number } {
  try {
    const { positionals } = parseArgs(process.argv.slice(2), {
      options: {},
      positionals: { min: 0, max: counts.length },
      usage,
    });
    const problems: string[] = [];
    const values = counts.map(([name, fallback, min, max], index) => {
      const text = positionals[index];
      if (text === undefined) return fallback;
      const value = parseCount(text, min, max);
      if (value === undefined) problems.push(`${name} '${text}' is not a whole number from ${min} to ${max}`);
      return value ?? fallback;
    });
    if (problems.length > 0) throw new UsageError(problems, usage);
    return values as { -readonly [K in keyof T]: number };
  } catch (error) {
    if (error instanceof UsageError) exitWithUsage(command, error);
    throw error;
  }
}

/** The flags of `spec` given in process.argv (a bench command taking only flags); exits 2 on a mistake. */
export function flagsOrExit(command: string, spec: ArgsSpec): ReadonlySet<string> {
  try {
    return parseArgs(process.argv.slice(2), spec).flags;
  } catch (error) {
    if (error instanceof UsageError) exitWithUsage(command, error);
    throw error;
  }
}
