import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { namedOptions } from '../../src/matching/clarify.js';
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
  ])('does not read a negated mention as naming the option: %s', (text) => {
    expect(named(text)).not.toContain('tp-enable-intune');
    expect(named(text)).not.toContain('tp-intune-without-mde');
  });
});
