import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { namedOnlyTogether, namedOptions } from '../../src/matching/clarify.js';
import { buildMatchIndex } from '../../src/matching/match-index.js';
import { normalizeForMatching } from '../../src/matching/normalize-text.js';
import { ROOT } from '../support/start-test-app.js';

const knowledge = loadKnowledge(join(ROOT, 'knowledge'));
const index = buildMatchIndex(knowledge);
const clarification = knowledge.byId.get('tp-cannot-enable')!.clarify!;

/** The entries of the options of "how is the device managed?" that `text` names. */
const named = (text: string): string[] => {
  const normalized = normalizeForMatching(text);
  return namedOptions(clarification, normalized, index.extractSignals(normalized), knowledge.byId).map(
    (position) => clarification.options[position]!.entry,
  );
};

describe('namedOnlyTogether', () => {
  const together = (text: string): boolean => {
    const normalized = normalizeForMatching(text);
    return namedOnlyTogether(clarification, normalized, index.extractSignals(normalized), knowledge.byId);
  };

  it('is true when one word names several options and nothing tells them apart', () => {
    expect(together('They are in Intune')).toBe(true);
    expect(together('Intune のポリシーでオフにできない')).toBe(true);
  });

  it('is false when a phrase names one option on its own', () => {
    expect(together('They are managed by Intune, and some are in SCCM')).toBe(false);
    expect(together('Intune only, no MDE')).toBe(false);
  });
});

describe('namedOptions', () => {
  it.each([
    ['They are in Intune', ['tp-enable-intune', 'tp-intune-without-mde']],
    ['They are managed by Intune', ['tp-enable-intune']],
    ['Intune only, no MDE', ['tp-intune-without-mde']],
    ['Intune 管理なんですが MDE には入ってないです', ['tp-enable-intune', 'tp-intune-without-mde']],
    ['SCCM with tenant attach', ['tp-enable-configmgr']],
  ])('reads the options %s names', (text, entries) => {
    expect(named(text)).toEqual(entries);
  });

  it.each([
    'We onboarded 200 devices to Defender for Endpoint, no Intune at all.',
    'These laptops are not in Intune.',
    'non-Intune devices',
    'Intune は使っていないです',
    'MDE にも Intune にも登録していない単体の端末',
    "we don't use Intune",
    'tamper protection on a pc that isnt in intune or mde',
    "The laptop isn't managed by Intune.",
    'a standalone machine in neither MDE nor Intune',
    'Intune は導入していません',
  ])('does not read a negated mention as naming the option: %s', (text) => {
    expect(named(text)).not.toContain('tp-enable-intune');
    expect(named(text)).not.toContain('tp-intune-without-mde');
  });

  it.each(['MDE にオンボードされてない端末の場合は？', 'MDE にオンボードされておらず、Intune もない'])(
    'does not read "not onboarded to MDE" as the Defender portal option: %s',
    (text) => {
      expect(named(text)).not.toContain('tp-enable-mde');
    },
  );
});
