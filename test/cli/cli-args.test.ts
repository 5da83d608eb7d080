import { describe, expect, it } from 'vitest';

import { parseArgs, parseCount, parseDate, UsageError, type ArgsSpec } from '../../src/cli/cli-args.js';

const SPEC: ArgsSpec = {
  options: { from: 'value', json: 'flag' },
  positionals: { min: 0, max: 1 },
  usage: 'usage: test',
};

const problemsOf = (args: string[], spec: ArgsSpec = SPEC): readonly string[] => {
  try {
    parseArgs(args, spec);
    return [];
  } catch (error) {
    if (error instanceof UsageError) return error.problems;
    throw error;
  }
};

describe('parseArgs', () => {
  it('reads flags, --name value, --name=value and positionals; -- ends the options', () => {
    const parsed = parseArgs(['--json', '--from', '2026-11-01', 'dir'], SPEC);
    expect([...parsed.flags]).toEqual(['json']);
    expect(parsed.values.get('from')).toBe('2026-11-01');
    expect(parsed.positionals).toEqual(['dir']);
    expect(parseArgs(['--from=2026-11-02'], SPEC).values.get('from')).toBe('2026-11-02');
    expect(parseArgs(['--', '--json'], SPEC).positionals).toEqual(['--json']);
  });

  it('names an unknown option and lists the accepted ones', () => {
    expect(problemsOf(['--frm', '2026-11-01'])).toEqual(['unknown option --frm (accepted: --from, --json)']);
    expect(problemsOf(['--frm=2026-11-01'])).toEqual(['unknown option --frm (accepted: --from, --json)']);
    expect(problemsOf(['-j'])).toEqual(['unknown option -j (accepted: --from, --json)']);
    // The value after a mistyped option is taken as its value, not reported as a stray argument.
    expect(problemsOf(['--frm', 'x', 'y', 'z'])).toEqual([
      'unknown option --frm (accepted: --from, --json)',
      "unexpected argument 'z'",
    ]);
  });

  it('names a missing value, a value given to a flag, a repeated option and surplus arguments, all at once', () => {
    expect(problemsOf(['--from'])).toEqual(['--from needs a value']);
    expect(problemsOf(['--from', '--json'])).toEqual(['--from needs a value']);
    expect(problemsOf(['--json=yes', '--from', 'a', '--from', 'b', 'x', 'y'])).toEqual([
      '--json takes no value',
      '--from is given twice',
      "unexpected argument 'y'",
    ]);
    expect(problemsOf(['x'], { options: {}, positionals: { min: 0, max: 0 }, usage: '' })).toEqual([
      "unexpected argument 'x' (this command takes options only)",
    ]);
    expect(problemsOf([], { options: {}, positionals: { min: 1, max: 1 }, usage: '' })).toEqual(['missing argument']);
  });
});

describe('parseDate and parseCount', () => {
  it('accept real calendar dates only', () => {
    expect(parseDate('2026-11-01')?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    for (const bad of ['2026-02-30', '2026-13-01', '26-11-01', '2026-11-01T00:00', 'yesterday'])
      expect(parseDate(bad), bad).toBeUndefined();
  });

  it('accept whole numbers in range only', () => {
    expect(parseCount('30', 1, 3600)).toBe(30);
    for (const bad of ['0', '3601', '1.5', '-1', '1e3', '', 'ten'])
      expect(parseCount(bad, 1, 3600), bad).toBeUndefined();
  });
});
