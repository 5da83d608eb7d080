import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { readTurnInput } from '../../src/bot/read-turn-input.js';
import { createPastedOutputRoute } from '../../src/routes/pasted-output-route.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { buildMatchIndex } from '../../src/matching/match-index.js';
import { ROOT } from '../support/start-test-app.js';
import { fakeTurnInput } from '../support/fake-turn-input.js';

const PASTE = 'AMRunningMode : Normal\nRealTimeProtectionEnabled : False\nAntivirusEnabled : True';

describe('TurnInput.paste', () => {
  it('reads the message as output once and keeps the reading for the turn', () => {
    const input = readTurnInput({ type: 'message', text: PASTE, locale: 'en-US', conversation: { id: 'c' } as never });
    const reading = input.paste;
    expect(reading?.formats.length).toBeGreaterThan(0);
    expect(reading?.merged).toMatchObject({ RealTimeProtectionEnabled: false });
    // The same object every time: routes share one reading, nothing parses the message again.
    expect(input.paste).toBe(reading);
  });

  it('is undefined for card actions and for text no parser recognises', () => {
    expect(fakeTurnInput({ text: PASTE, action: { verb: 'help', data: { verb: 'help' } } }).paste).toBeUndefined();
    expect(fakeTurnInput({ text: 'how do I add an exclusion?' }).paste).toBeUndefined();
  });

  it('merges the facts the conversation already had', () => {
    const earlier = readTurnInput({ type: 'message', text: 'MAPSReporting : 2', conversation: { id: 'c' } as never });
    const facts = earlier.paste?.merged ?? {};
    expect(Object.keys(facts).length).toBeGreaterThan(0);
    const input = fakeTurnInput({ text: PASTE, conversation: { ...fakeTurnInput().conversation, facts } });
    expect(input.paste?.merged).toMatchObject({ ...facts, RealTimeProtectionEnabled: false });
  });
});

describe('pasted-output route', () => {
  it('matches and handles with the reading the turn input holds', () => {
    const knowledge = loadKnowledge(join(ROOT, 'knowledge'));
    const index = buildMatchIndex(knowledge);
    const route = createPastedOutputRoute({ knowledge, index });
    const input = fakeTurnInput({ text: PASTE });
    expect(route.matches(input)).toBe(true);
    expect(route.matches(fakeTurnInput({ text: 'hello' }))).toBe(false);
    // A reading given by the test (not the one the text gives) is what the handler diagnoses.
    const other = fakeTurnInput({ text: 'MAPSReporting : 0' }).paste;
    const result = route.handle(fakeTurnInput({ text: PASTE, paste: other }));
    expect('then' in result).toBe(false);
    if ('then' in result) return;
    expect(result.conversation?.facts).toEqual(other?.merged);
    expect(result.outcome).toEqual({ kind: 'diagnosis', paste: { reading: other, question: undefined } });
  });
});
