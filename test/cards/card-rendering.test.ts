import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { toActivity } from '../../src/bot/send-replies.js';
import { buildNotFoundCard } from '../../src/cards/answer-card.js';
import { CARD_NAMES } from '../../src/cards/card-data.js';
import { buildEscalationFormCard } from '../../src/cards/escalation-cards.js';
import { loadCardTemplates } from '../../src/cards/load-card-templates.js';
import { createCardRenderer, renderCardUncached, reusedCardJson } from '../../src/cards/render-card.js';
import { serializeBodyBytes } from '../../src/http/serialize-body.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { buildMatchIndex } from '../../src/matching/match-index.js';
import { answerReply } from '../../src/routes/question-route.js';
import type { Reply } from '../../src/routes/reply.js';
import { EMPTY_CONVERSATION } from '../../src/routes/turn-input.js';
import { everyCardReply } from '../support/every-card-reply.js';
import { ROOT } from '../support/start-test-app.js';

const knowledge = loadKnowledge(join(ROOT, 'knowledge'));
const templates = loadCardTemplates(join(ROOT, 'cards'));
const index = buildMatchIndex(knowledge);

const bytes = (json: unknown): string => JSON.stringify(json);

describe('compiled and cached card rendering', () => {
  const replies = everyCardReply(knowledge, index);

  it('covers every card template', () => {
    expect(new Set(replies.map(([, reply]) => reply.card))).toEqual(new Set(CARD_NAMES));
    expect(replies.length).toBeGreaterThan(300);
  });

  it('produces every card byte for byte as a fresh template expansion does, rendered first and again from the cache', () => {
    const renderer = createCardRenderer(templates);
    const differences: string[] = [];
    for (const [name, reply] of replies) {
      const original = bytes(renderCardUncached(templates, reply.card, reply.data as never));
      if (bytes(renderer.render(reply.card, reply.data)) !== original) differences.push(`${name} (first render)`);
      if (bytes(renderer.render(reply.card, reply.data)) !== original) differences.push(`${name} (second render)`);
    }
    expect(differences).toEqual([]);
  });

  it('sends the same card content as before through the reply pipeline', () => {
    const differences = replies.flatMap(([name, reply]) => {
      const sent = toActivity(templates, reply).attachments?.[0]?.content;
      return bytes(sent) === bytes(renderCardUncached(templates, reply.card, reply.data as never)) ? [] : [name];
    });
    expect(differences).toEqual([]);
  });

  it('serializes every reply activity byte for byte as JSON.stringify of the freshly expanded card, sent twice', () => {
    const differences: string[] = [];
    let reused = 0;
    for (const [name, reply] of replies) {
      const fresh = toActivity(templates, reply);
      const expected = JSON.stringify({
        activities: [
          {
            ...fresh,
            attachments: [
              { ...fresh.attachments?.[0], content: renderCardUncached(templates, reply.card, reply.data as never) },
            ],
          },
        ],
      });
      for (const round of ['first', 'second']) {
        const activity = toActivity(templates, reply);
        const content = activity.attachments?.[0]?.content as object;
        if (reusedCardJson(content) !== undefined) reused += 1;
        if (!serializeBodyBytes({ activities: [activity] }, reusedCardJson).equals(Buffer.from(expected)))
          differences.push(`${name} (${round})`);
      }
    }
    expect(differences).toEqual([]);
    // The reused cards (answers, choices, fixed cards) took the stored JSON text, not only the plain path.
    expect(reused).toBeGreaterThan(200);
  });

  it('takes the JSON text of a reused card from one serialization for every later body', () => {
    const entry = knowledge.entries[0];
    if (!entry) throw new Error('knowledge has no entries');
    const card = toActivity(templates, answerReply(knowledge, entry, 'ja')).attachments?.[0]?.content as object;
    expect(reusedCardJson(card)).toBe(JSON.stringify(card));
    expect(reusedCardJson(card)).toBe(reusedCardJson(card));
    // A card of one turn (not from the cache) is serialized as usual.
    expect(reusedCardJson({ ...card })).toBeUndefined();
    const body = {
      activities: [
        { type: 'message', attachments: [{ contentType: 'c', content: card }, { content: { ...card } }] },
        { type: 'typing' },
        { type: 'message', text: 'x', attachments: [{ content: card, name: 'n' }] },
      ],
      other: 1,
    };
    expect(serializeBodyBytes(body, reusedCardJson)).toEqual(Buffer.from(JSON.stringify(body)));
    // Again, with the card's bytes from the first body.
    expect(serializeBodyBytes(body, reusedCardJson)).toEqual(Buffer.from(JSON.stringify(body)));
    // The body is not changed by serializing it.
    expect(body.activities[0]?.attachments?.[0]?.content).toBe(card);
    expect(serializeBodyBytes({ a: [card] }, reusedCardJson)).toEqual(Buffer.from(JSON.stringify({ a: [card] })));
  });

  it('renders a repeated answer once and returns the same frozen card', () => {
    const renderer = createCardRenderer(templates);
    const entry = knowledge.entries[0];
    if (!entry) throw new Error('knowledge has no entries');
    const data = (reply: Reply) => (reply.type === 'card' ? reply.data : undefined);
    const first = renderer.render('answer', data(answerReply(knowledge, entry, 'en')) as never);
    const second = renderer.render('answer', data(answerReply(knowledge, entry, 'en')) as never);
    expect(second).toBe(first);
    const frozen = (node: unknown): boolean =>
      typeof node !== 'object' || node === null || (Object.isFrozen(node) && Object.values(node).every(frozen));
    expect(frozen(first)).toBe(true);
    expect(() => {
      (first as Record<string, unknown>)['version'] = '9.9';
    }).toThrow(TypeError);
  });

  it('builds each answer reply once, frozen, and finds its card by identity', () => {
    const renderer = createCardRenderer(templates);
    const entry = knowledge.entries[1];
    if (!entry) throw new Error('knowledge has too few entries');
    const reply = answerReply(knowledge, entry, 'ja', true);
    expect(answerReply(knowledge, entry, 'ja', true)).toBe(reply);
    expect(answerReply(knowledge, entry, 'ja', false)).not.toBe(reply);
    expect(answerReply(knowledge, entry, 'en', true)).not.toBe(reply);
    if (reply.type !== 'card') throw new Error('an answer reply is a card');
    expect(
      Object.isFrozen(reply.data) &&
        Object.values(reply.data).every((field) => typeof field !== 'object' || Object.isFrozen(field)),
    ).toBe(true);
    const card = renderer.render(reply.card, reply.data);
    expect(renderer.render(reply.card, reply.data as never)).toBe(card);
    expect(bytes(card)).toBe(bytes(renderCardUncached(templates, reply.card, reply.data as never)));
  });

  it('keeps cached cards apart from the data they were rendered from', () => {
    const renderer = createCardRenderer(templates);
    const data = structuredClone(buildNotFoundCard('en')) as unknown as {
      actions: Array<{ data: Record<string, string> }>;
    };
    const before = bytes(renderer.render('not-found', data as never));
    const action = data.actions[0];
    if (!action) throw new Error('not-found card has no actions');
    action.data['verb'] = 'changed-after-render';
    expect(bytes(renderer.render('not-found', buildNotFoundCard('en')))).toBe(before);
    expect(before).not.toContain('changed-after-render');
  });

  it('renders cards that are never reused anew each time (diagnosis, escalation, tickets)', () => {
    const renderer = createCardRenderer(templates);
    const form = buildEscalationFormCard(EMPTY_CONVERSATION, 'draft-0000-0003', 'en');
    const first = renderer.render('escalation-form', form);
    const second = renderer.render('escalation-form', form);
    expect(second).not.toBe(first);
    expect(bytes(second)).toBe(bytes(first));
  });

  it('stays correct when more distinct cards are rendered than it keeps', () => {
    const renderer = createCardRenderer(templates);
    const many = Array.from({ length: 700 }, (_, n) => ({
      ...buildNotFoundCard(n % 2 === 0 ? 'en' : 'ja'),
      tips: `tip ${n}`,
    }));
    for (const data of many) renderer.render('not-found', data);
    const mismatched = many.filter(
      (data) => bytes(renderer.render('not-found', data)) !== bytes(renderCardUncached(templates, 'not-found', data)),
    );
    expect(mismatched).toEqual([]);
  });
});
