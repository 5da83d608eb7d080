import { join } from 'node:path';

import * as AC from 'adaptivecards';
import { describe, expect, it } from 'vitest';

import { buildChoicesCard, buildNotFoundCard } from '../../src/cards/answer-card.js';
import { buildHelpCard, buildTopicsCard, buildWelcomeCard } from '../../src/cards/conversation-cards.js';
import { buildDiagnosisCard } from '../../src/cards/diagnosis-card.js';
import { buildEscalationFormCard, buildL2Card, buildTicketCard } from '../../src/cards/escalation-cards.js';
import { EMPTY_CONVERSATION } from '../../src/routes/turn-input.js';
import { textsIn } from '../support/card-content.js';
import { everyCardReply } from '../support/every-card-reply.js';
import { sampleTicket } from '../support/tickets.js';
import { loadCardTemplates } from '../../src/cards/load-card-templates.js';
import { renderCard, type CardJson } from '../../src/cards/render-card.js';
import { readPaste } from '../../src/diagnosis/read-paste.js';
import { LANGUAGES } from '../../src/i18n/language.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { buildMatchIndex } from '../../src/matching/match-index.js';
import { toActivity } from '../../src/bot/send-replies.js';
import { CARD_NAMES } from '../../src/cards/card-data.js';
import { answerReply } from '../../src/routes/question-route.js';
import { cardReply, textReply } from '../../src/routes/reply.js';
import { ROOT } from '../support/start-test-app.js';

const knowledge = loadKnowledge(join(ROOT, 'knowledge'));
const templates = loadCardTemplates(join(ROOT, 'cards'));
const MAX_CARD_BYTES = 28 * 1024;

/** Every card the bot can produce (the shared list of test/support/every-card-reply.ts), rendered, by name. */
const cards: Array<[string, CardJson]> = everyCardReply(knowledge, buildMatchIndex(knowledge)).map(([name, reply]) => [
  name,
  renderCard(templates, reply.card, reply.data as never),
]);

/** Returns the parse and validation messages of the official renderer's object model at schema 1.5. */
function rendererProblems(json: CardJson): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(new AC.Version(1, 5));
  card.parse(json, context);
  const problems: string[] = [];
  for (let index = 0; index < context.eventCount; index += 1)
    problems.push(`parse: ${context.getEventAt(index).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}

/** Every Action.Submit in a card JSON tree. */
function submitActions(node: unknown): Array<{ data?: { verb?: unknown } }> {
  if (Array.isArray(node)) return node.flatMap(submitActions);
  if (typeof node !== 'object' || node === null) return [];
  const own = (node as { type?: unknown }).type === 'Action.Submit' ? [node as { data?: { verb?: unknown } }] : [];
  return [...own, ...Object.values(node).flatMap(submitActions)];
}

/** The text of every TextBlock in a card JSON tree. */
function textBlocks(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(textBlocks);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as { type?: unknown; text?: unknown };
  const own = record.type === 'TextBlock' && typeof record.text === 'string' ? [record.text] : [];
  return [...own, ...Object.values(node).flatMap(textBlocks)];
}

describe('every card the bot can produce', () => {
  it('covers answers for every entry in both languages and a diagnosis for every fixture', () => {
    expect(cards.filter(([name]) => name.startsWith('answer ')).length).toBe(knowledge.entries.length * 4);
    expect(cards.filter(([name]) => name.startsWith('diagnosis ')).length).toBeGreaterThan(60);
  });

  it.each(cards)(
    '%s validates with adaptivecards at 1.5, has no ${, fits 28 KB and gives every button a verb',
    (_name, json) => {
      expect(rendererProblems(json)).toEqual([]);
      const text = JSON.stringify(json);
      expect(text).not.toContain('${');
      expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(MAX_CARD_BYTES);
      for (const action of submitActions(json)) expect(typeof action.data?.verb, JSON.stringify(action)).toBe('string');
      // A line break inside one TextBlock is joined into a space by Markdown: commands must be one line per block.
      expect(JSON.stringify(json)).not.toMatch(/"text":"[^"]*\\n[^"]*","fontType":"Monospace"/u);
      // Teams Markdown in TextBlocks: bold, italic, lists and links only.
      for (const block of textBlocks(json)) {
        expect(block, 'code fence').not.toContain('```');
        expect(block, 'heading').not.toMatch(/^#{1,6}\s/mu);
        expect(block, 'table').not.toMatch(/^\|.*\|\s*$/mu);
      }
    },
  );
});

/** Every node of a card JSON tree, with whether it sits inside a clickable container (selectAction). */
function nodes(node: unknown, clickable = false): Array<{ node: Record<string, unknown>; clickable: boolean }> {
  if (Array.isArray(node)) return node.flatMap((item) => nodes(item, clickable));
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const inside = clickable || record['selectAction'] !== undefined;
  return [{ node: record, clickable }, ...Object.values(record).flatMap((value) => nodes(value, inside))];
}

// Teams cuts button titles after about 20-25 characters on desktop and fewer on mobile.
const MAX_BUTTON_CHARS = 24;

describe('readable in Teams', () => {
  it.each(cards)('%s has no coloured body text, no FactSet and button titles that fit', (_name, json) => {
    for (const { node, clickable } of nodes(json)) {
      // Clickable rows are links and keep the link colour; everything else uses a bold label and a container style.
      if (node['type'] === 'TextBlock' && !clickable)
        expect(node['color'], JSON.stringify(node).slice(0, 120)).toBeUndefined();
      expect(node['type']).not.toBe('FactSet');
      if (
        typeof node['type'] === 'string' &&
        node['type'].startsWith('Action.') &&
        typeof node['title'] === 'string' &&
        !clickable
      ) {
        expect([...node['title']].length, node['title']).toBeLessThanOrEqual(MAX_BUTTON_CHARS);
      }
    }
  });

  it('shows the short answer first and folds the admin part behind one toggle, open for helpdesk', () => {
    for (const language of LANGUAGES) {
      const entry = knowledge.byId.get('slow-first-launch')!;
      for (const adminOpen of [false, true]) {
        const reply = answerReply(knowledge, entry, language, adminOpen);
        const json = renderCard(templates, 'answer', (reply as { data: unknown }).data as never) as {
          body: Array<Record<string, unknown>>;
        };
        const [title, short, toggle, admin] = json.body;
        expect(title?.['text']).toBe(entry[language].title);
        expect(short?.['text']).toBe(entry[language].short);
        expect(toggle).toMatchObject({
          type: 'ActionSet',
          actions: [{ type: 'Action.ToggleVisibility', targetElements: ['admin-part'] }],
        });
        expect(admin).toMatchObject({ type: 'Container', id: 'admin-part', isVisible: adminOpen });
        // The administrators' answer, steps, commands and links are all inside the folded part.
        const inside = JSON.stringify(admin);
        expect(inside).toContain(JSON.stringify(entry[language].answer).slice(1, 40));
        expect(inside).toContain(entry.commands[0]?.text ?? '');
        expect(inside).toContain(entry[language].links[0]!.url);
        expect(JSON.stringify(json.body.slice(4))).not.toContain(entry[language].answer.slice(0, 30));
      }
    }
  });

  it('shows links as wrapped Markdown rows instead of cut-off buttons', () => {
    const entry = knowledge.byId.get('winhttp-proxy')!;
    const json = renderCard(
      templates,
      'answer',
      (answerReply(knowledge, entry, 'ja') as { data: unknown }).data as never,
    );
    expect(JSON.stringify(json)).not.toContain('Action.OpenUrl');
    for (const link of entry.ja.links) expect(textBlocks(json)).toContain(`[${link.title}](${link.url})`);
  });
});

describe('activities', () => {
  it('give every card message a summary and every reply the locale of its own language', () => {
    const ticket = sampleTicket({ language: 'en' });
    for (const language of LANGUAGES) {
      const replies = [
        answerReply(knowledge, knowledge.entries[0]!, language),
        cardReply('choices', buildChoicesCard(knowledge.entries.slice(0, 3), language), language),
        cardReply('not-found', buildNotFoundCard(language), language),
        cardReply('help', buildHelpCard(language), language),
        cardReply('topics', buildTopicsCard(knowledge, language), language),
        cardReply('welcome', buildWelcomeCard(language), language),
        cardReply(
          'escalation-form',
          buildEscalationFormCard(EMPTY_CONVERSATION, 'draft-0000-0001', language),
          language,
        ),
        cardReply('ticket', buildTicketCard(ticket, 'message', language), language),
        cardReply('l2-ticket', buildL2Card(ticket, new Date(), language), language),
        textReply('text', language),
      ];
      const reading = readPaste('MAPSReporting : 0', undefined)!;
      replies.push(
        cardReply('diagnosis', buildDiagnosisCard(reading.merged, reading.diagnosis, knowledge, language), language),
      );
      expect(new Set(replies.map((reply) => (reply.type === 'card' ? reply.card : 'text'))).size).toBe(
        CARD_NAMES.length + 1,
      );
      for (const reply of replies) {
        const activity = toActivity(templates, reply);
        expect(activity.locale, reply.type).toBe(language === 'ja' ? 'ja-JP' : 'en-US');
        // A card's summary is one of the lines the card shows (its title, prompt or diagnosis summary).
        if (reply.type === 'card') {
          expect(activity.summary, reply.card).toMatch(/\S/u);
          expect(textsIn(activity.attachments), reply.card).toContain(activity.summary);
        }
      }
    }
  });
});

describe('rendererProblems', () => {
  it('reports what the renderer rejects, so an empty list means something', () => {
    expect(
      rendererProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'NoSuchElement' }] }).length,
    ).toBeGreaterThan(0);
    expect(
      rendererProblems({ type: 'AdaptiveCard', version: '1.5', actions: [{ type: 'Action.OpenUrl', title: 'x' }] })
        .length,
    ).toBeGreaterThan(0);
  });
});
