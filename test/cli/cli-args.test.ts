import { describe, expect, it } from 'vitest';

import { option } from '../../src/cli/cli-args.js';

describe('option', () => {
  it('reads --name value and --name=value', () => {
    expect(option(['--out', 'a.zip', '--json'], 'out')).toBe('a.zip');
    expect(option(['--json', '--from=2026-11-01'], 'from')).toBe('2026-11-01');
  });

  it('is undefined when the option is absent or has no value', () => {
    expect(option(['--json'], 'to')).toBeUndefined();
    expect(option(['--to'], 'to')).toBeUndefined();
    expect(option(['--toward=x'], 'to')).toBeUndefined();
  });
});
