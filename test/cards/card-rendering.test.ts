import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { toActivity } from '../../src/bot/send-replies.js';
import { buildChoicesCard, buildNotFoundCard } from '../../src/cards/answer-card.js';
import { buildAlsoCard, buildClarifyCard } from '../../src/cards/clarify-card.js';
import { CARD_NAMES, type CardName } from '../../src/cards/card-data.js';
import { buildHelpCard, buildTopicsCard, buildWelcomeCard } from '../../src/cards/conversation-cards.js';
import { buildDiagnosisCard } from '../../src/cards/diagnosis-card.js';
import { buildEscalationFormCard, buildL2Card, buildTicketCard } from '../../src/cards/escalation-cards.js';
import { loadCardTemplates } from '../../src/cards/load-card-templates.js';
import { createCardRenderer, renderCardUncached } from '../../src/cards/render-card.js';
import { readPaste } from '../../src/diagnosis/read-paste.js';
import { LANGUAGES } from '../../src/i18n/language.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { buildMatchIndex } from '../../src/matching/match-index.js';
import { matchQuestion } from '../../src/matching/match-question.js';
import { answerReply, repliesForMatch } from '../../src/routes/question-route.js';
import type { CardReply, Reply } from '../../src/routes/reply.js';
import { EMPTY_CONVERSATION } from '../../src/routes/turn-input.js';
import { welcomeReplies } from '../../src/routes/welcome.js';
import { loadDevSet } from '../../bench/dev-set.js';
import { ROOT } from '../support/start-test-app.js';
import { sampleTicket } from '../support/tickets.js';

const knowledge = loadKnowledge(join(ROOT, 'knowledge'));
const templates = loadCardTemplates(join(ROOT, 'cards'));
const index = buildMatchIndex(knowledge);

const card = (name: CardName, data: CardReply['data']): CardReply => ({ type: 'card', card: name, data }) as CardReply;
const cardsOf = (replies: readonly Reply[]): CardReply[] =>
  replies.filter((reply): reply is CardReply => reply.type === 'card');

/**
 * Every card reply the bot can produce from the real knowledge, cards, dev set and paste fixtures, by a readable name.
 */
function everyCardReply(): Array<[string, CardReply]> {
  const replies: Array<[string, CardReply]> = [];
  const pastes = join(ROOT, 'test/fixtures/pasted');
  for (const language of LANGUAGES) {
    // Answers as an employee sees them (admin part folded) and as the helpdesk does (open).
    for (const adminOpen of [false, true]) {
      for (const entry of knowledge.entries)
        replies.push(
          ...cardsOf([answerReply(knowledge, entry, language, adminOpen)]).map((reply): [string, CardReply] => [
            `answer ${entry.id} ${language} admin ${adminOpen}`,
            reply,
          ]),
        );
    }
    // "Did you mean" for every run of three entries, so each entry is offered in every position.
    knowledge.entries.forEach((_, start) => {
      const offered = [0, 1, 2]
        .map((step) => knowledge.entries[(start + step) % knowledge.entries.length])
        .filter((entry) => entry !== undefined);
      for (const adminOpen of [false, true])
        replies.push([
          `choices from ${start} ${language} admin ${adminOpen}`,
          card('choices', buildChoicesCard(offered, language, adminOpen)),
        ]);
    });
    // Clarifying questions of every entry that has one, and "your message also mentions" rows.
    for (const host of knowledge.entries.filter((entry) => entry.clarify)) {
      replies.push([
        `clarify ${host.id} ${language}`,
        card('choices', buildClarifyCard(host, host.clarify?.options.map((option) => option.entry) ?? [], language)),
      ]);
    }
    replies.push([`also ${language}`, card('topics', buildAlsoCard(knowledge.entries.slice(0, 2), language))]);
    replies.push([`not-found ${language}`, card('not-found', buildNotFoundCard(language))]);
    replies.push([`help ${language}`, card('help', buildHelpCard(language))]);
    replies.push([`topics ${language}`, card('topics', buildTopicsCard(knowledge, language))]);
    replies.push([`welcome ${language}`, card('welcome', buildWelcomeCard(language))]);
    replies.push(
      ...cardsOf(welcomeReplies(language)).map((reply): [string, CardReply] => [`welcome reply ${language}`, reply]),
    );
    replies.push([
      `escalation form ${language}`,
      card('escalation-form', buildEscalationFormCard(EMPTY_CONVERSATION, 'draft-0000-0001', language)),
    ]);
    replies.push([
      `escalation form rejected ${language}`,
      card(
        'escalation-form',
        buildEscalationFormCard(EMPTY_CONVERSATION, 'draft-0000-0002', language, ['deviceName', 'tried'], {
          tried: 'x',
          impact: 'high',
        }),
      ),
    ]);
    const ticket = sampleTicket({
      language,
      summary: {
        questions: [{ text: 'q', kind: 'none', entryIds: [] }],
        feedback: [],
        facts: { MAPSReporting: 0 },
        findings: [],
        pastes: [{ text: 'MAPSReporting : 0', formats: [] }],
      },
    });
    for (const status of ['open', 'assigned', 'waiting-for-user', 'resolved'] as const) {
      replies.push([
        `l2 ticket ${status} ${language}`,
        card('l2-ticket', buildL2Card({ ...ticket, status }, new Date('2026-11-29T12:00:00Z'), language)),
      ]);
      replies.push([
        `user ticket ${status} ${language}`,
        card('ticket', buildTicketCard({ ...ticket, status }, 'message', language)),
      ]);
    }
    for (const file of readdirSync(pastes).filter((name) => name.endsWith('.txt'))) {
      const reading = readPaste(readFileSync(join(pastes, file), 'utf8'), undefined);
      if (reading)
        replies.push([
          `diagnosis ${file} ${language}`,
          card('diagnosis', buildDiagnosisCard(reading.merged, reading.diagnosis, knowledge, language)),
        ]);
    }
  }
  // What the question route answers to every dev-set question (answers, choices, help, topics, not found).
  for (const question of loadDevSet(join(ROOT, 'test/fixtures/questions'))) {
    const result = matchQuestion(index, { text: question.text });
    for (const adminOpen of [false, true]) {
      replies.push(
        ...cardsOf(repliesForMatch(knowledge, result, result.language, adminOpen)).map((reply): [string, CardReply] => [
          `dev-set ${question.file} admin ${adminOpen}: ${question.text}`,
          reply,
        ]),
      );
    }
  }
  return replies;
}

const bytes = (json: unknown): string => JSON.stringify(json);

describe('compiled and cached card rendering', () => {
  const replies = everyCardReply();

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
