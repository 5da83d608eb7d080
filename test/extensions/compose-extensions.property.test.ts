import { join } from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { loadCardTemplates } from '../../src/cards/load-card-templates.js';
import { createTicketStore } from '../../src/escalation/ticket-store.js';
import { COMMAND_IDS, createComposeExtensions } from '../../src/extensions/compose-extensions.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { buildMatchIndex } from '../../src/matching/match-index.js';
import { readTurnInput } from '../../src/bot/read-turn-input.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import { ROOT } from '../support/start-test-app.js';
import { sampleTicket } from '../support/tickets.js';

const knowledge = loadKnowledge(join(ROOT, 'knowledge'));
const tickets = createTicketStore(createMemoryStore());
const now = new Date('2026-11-30T08:00:00Z');
await tickets.createOnce('draft-1', (id) => sampleTicket({ id }), now);
const extensions = createComposeExtensions({
  knowledge,
  index: buildMatchIndex(knowledge),
  templates: loadCardTemplates(join(ROOT, 'cards')),
  tickets,
  isL2: () => true,
  l2Language: 'ja',
  now: () => now,
});

// Values near the real shapes, so random ones reach every branch: real command ids, entry and ticket ids, verbs.
const word = fc.constantFrom(
  ...Object.values(COMMAND_IDS),
  'search-knowledge ',
  'x',
  '',
  'slow-first-launch',
  'MDAV-20261130-0001',
  'MDAV-20261130-9999',
  'entry',
  'ticket',
  'diagnosis',
  'extension-insert',
  'choose-topic',
  'none-of-these',
  'ja',
  'en',
  'xx-YY',
  'html',
  'text',
  'admin',
  'initialRun',
  'query',
);
const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    word,
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(word, tie('value'), { maxKeys: 5 }),
  ),
})).value;
const key = fc.constantFrom(
  'commandId',
  'parameters',
  'queryOptions',
  'kind',
  'entryId',
  'ticketId',
  'language',
  'adminOpen',
  'data',
  'messagePayload',
  'body',
  'content',
  'contentType',
  'verb',
  'name',
  'value',
  'skip',
  'count',
);
const invokeValue = fc.oneof(json, fc.dictionary(key, json, { maxKeys: 6 }));

describe('the message extension handlers', () => {
  it('answer any invoke value with a Teams response body, never an exception', async () => {
    const input = readTurnInput({
      conversation: { id: 'c' } as never,
      from: { id: 'u', name: 'User' },
      locale: 'en-US',
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('query', 'selectItem', 'fetchTask', 'submitAction'),
        invokeValue,
        async (invoke, value) => {
          const body = (await extensions[invoke]({ input, value })) as unknown as Record<string, unknown>;
          expect(body['composeExtension'] !== undefined || body['task'] !== undefined).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});
