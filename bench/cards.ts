/** Prints the size of the largest card the bot produces (the Teams budget is 28 KB per card). */

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { buildHelpCard, buildTopicsCard } from '../src/cards/conversation-cards.js';
import { buildDiagnosisCard } from '../src/cards/diagnosis-card.js';
import type { L2CardData } from '../src/cards/card-data.js';
import { buildL2Card, fitL2Card } from '../src/cards/escalation-cards.js';
import { loadCardTemplates } from '../src/cards/load-card-templates.js';
import { renderCard } from '../src/cards/render-card.js';
import { readPaste } from '../src/diagnosis/read-paste.js';
import { MAX_NOTE_CHARS, type Ticket, type TicketEvent } from '../src/escalation/ticket.js';
import { LANGUAGES } from '../src/i18n/language.js';
import { loadKnowledge } from '../src/knowledge/load-knowledge.js';
import { answerReply } from '../src/routes/question-route.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const knowledge = loadKnowledge(`${ROOT}knowledge`);
const templates = loadCardTemplates(`${ROOT}cards`);
const sizes: Array<[string, number]> = [];
const add = (name: string, json: unknown): void => {
  sizes.push([name, Buffer.byteLength(JSON.stringify(json), 'utf8')]);
};
for (const language of LANGUAGES) {
  for (const entry of knowledge.entries) {
    const reply = answerReply(knowledge, entry, language);
    if (reply.type === 'card')
      add(`answer ${entry.id} ${language}`, renderCard(templates, reply.card, reply.data as never));
  }
  add(`topics ${language}`, renderCard(templates, 'topics', buildTopicsCard(knowledge, language)));
  add(`help ${language}`, renderCard(templates, 'help', buildHelpCard(language)));
  const dir = `${ROOT}test/fixtures/pasted/`;
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.txt'))) {
    const reading = readPaste(readFileSync(`${dir}${file}`, 'utf8'), undefined);
    if (reading)
      add(
        `diagnosis ${file} ${language}`,
        renderCard(templates, 'diagnosis', buildDiagnosisCard(reading.merged, reading.diagnosis, knowledge, language)),
      );
  }
}
sizes.sort((a, b) => b[1] - a[1]);
process.stdout.write(
  `cards: ${sizes.length}; largest ${sizes
    .slice(0, 3)
    .map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(1)} KB`)
    .join(', ')} (budget 28 KB)\n`,
);

// The L2 card of a ticket with every field at its longest in Japanese (3 bytes a character), after `rounds` of
// question, answer, resolution and reopen: how large it would be whole, and what fitting it into the budget keeps.
const heavy = (chars: number): string => '確認'.repeat(chars).slice(0, chars);
const requester = { id: 'user-1', name: 'User' };
const l2 = { id: 'l2-1', name: 'L2' };
const now = new Date('2026-11-30T00:00:00Z');
const l2Bytes = (data: L2CardData): number =>
  Buffer.byteLength(JSON.stringify(renderCard(templates, 'l2-ticket', data)), 'utf8');
for (const rounds of [1, 5, 50]) {
  const events: TicketEvent[] = [{ at: '2026-11-01T00:00:00.000Z', kind: 'created', by: requester }];
  for (let round = 0; round < rounds; round += 1) {
    const at = (minute: number): string => new Date(Date.UTC(2026, 10, 2, 0, round * 4 + minute)).toISOString();
    events.push(
      { at: at(0), kind: 'info-requested', by: l2, note: heavy(MAX_NOTE_CHARS) },
      { at: at(1), kind: 'user-replied', by: requester, note: heavy(MAX_NOTE_CHARS) },
      { at: at(2), kind: 'resolved', by: l2, note: heavy(MAX_NOTE_CHARS) },
      { at: at(3), kind: 'reopened', by: requester },
    );
  }
  const ticket: Ticket = {
    id: 'MDAV-20261130-0001',
    status: 'assigned',
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: now.toISOString(),
    requester,
    assignee: l2,
    language: 'ja',
    userConversation: {},
    form: { deviceName: heavy(100), tried: heavy(2000), impact: 'high', mdeOnboarded: 'yes', intuneManaged: 'no' },
    summary: {
      questions: Array.from({ length: 10 }, () => ({
        text: heavy(500),
        kind: 'answer',
        entryIds: ['tp-cannot-enable'],
      })),
      feedback: [],
      facts: {},
      findings: [],
      pastes: Array.from({ length: 5 }, () => ({ text: heavy(4000), formats: [] })),
    },
    events,
    delivery: 'delivered',
  };
  const whole = l2Bytes(buildL2Card(ticket, now, 'ja'));
  const fitted = fitL2Card(ticket, now, 'ja', l2Bytes);
  process.stdout.write(
    `l2 ticket, every field at its longest (ja), ${events.length} events: whole ${(whole / 1024).toFixed(1)} KB, fitted ${(l2Bytes(fitted) / 1024).toFixed(1)} KB ` +
      `(history: ${fitted.history.length} shown, ${fitted.earlier.length} folded${fitted.omitted ? ', older ones counted' : ''})\n`,
  );
}
