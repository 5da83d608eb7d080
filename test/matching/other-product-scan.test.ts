import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { loadLabelledSets } from '../../bench/labelled-sets.js';
import { ANY_OTHER_PRODUCT, mayNameOtherProduct } from '../../src/matching/extract-signals.js';
import { normalizeForMatching } from '../../src/matching/normalize-text.js';
import { ROOT } from '../support/start-test-app.js';

// Product forms in several cases, the characters that fold unlike their lower case, and what surrounds a word.
const FRAGMENTS = [
  'macOS',
  'MAC',
  'mac 版',
  'Macs',
  'iMac',
  'OS X',
  'Linux',
  'RHEL',
  'Red Hat',
  'iOS',
  'iPhone',
  'IPADS',
  'Android',
  'アンドロイド',
  'マック',
  'Safe Links',
  'safe attachment',
  '安全なリンク',
  'Defender for Office',
  'defender for O365',
  'MDO',
  'MDI',
  'Defender for Identity',
  'defender for cloud apps',
  'SmartScreen',
  'Purview',
  'Autopilot',
  'BITLOCKER',
  'Sophos',
  'Trend Micro',
  'SentinelOne',
  'ウイルスバスター',
  ' address',
  ' ADDRESS',
  'ſ',
  '\u212a',
  'İ',
  'ı',
  ' ',
  '-',
  '_',
  'x',
  '1',
  'é',
];

describe('mayNameOtherProduct', () => {
  it('scans forms that are all lower case (the scan without case folding relies on it)', () => {
    expect(ANY_OTHER_PRODUCT.source.replace(/\\./gu, '')).not.toMatch(/[A-Z]/u);
  });

  it('says what the case-insensitive scan says, on every labelled message, as sent and normalized', () => {
    const texts = loadLabelledSets(ROOT, 'all').flatMap((message) => [
      message.text,
      normalizeForMatching(message.text),
    ]);
    expect(texts.length).toBeGreaterThan(2000);
    const named = texts.filter((text) => ANY_OTHER_PRODUCT.test(text));
    expect(named.length).toBeGreaterThan(10);
    for (const text of texts) expect([text, mayNameOtherProduct(text)]).toEqual([text, ANY_OTHER_PRODUCT.test(text)]);
  });

  it('says what the case-insensitive scan says, on random combinations of forms', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(mayNameOtherProduct(text)).toBe(ANY_OTHER_PRODUCT.test(text));
      }),
      { numRuns: 5000 },
    );
  });
});
