import { describe, expect, it } from 'vitest';

import { conversationalKind } from '../../src/matching/conversational.js';

describe('conversationalKind', () => {
  it.each([
    ['hi', 'greeting', true],
    ['good morning!', 'greeting', true],
    ['こんにちは', 'greeting', true],
    ['thanks!', 'thanks', true],
    ['thx that fixed it', 'thanks', true],
    ['ありがとうございます！', 'thanks', true],
    ['what can you do?', 'help', true],
    ['何ができるの？', 'help', true],
    ['hi, tamper protection is greyed out on my laptop', 'greeting', false],
  ] as const)('reads %s as %s (only: %s)', (text, kind, only) => {
    expect(conversationalKind(text)).toEqual({ kind, only });
  });

  it('returns nothing for questions', () => {
    expect(conversationalKind('why is the first launch slow')).toBeUndefined();
  });
});
