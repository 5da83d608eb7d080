import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { buildL2Card, fitL2Card, MAX_L2_CARD_BYTES } from '../../src/cards/escalation-cards.js';
import type { L2CardData } from '../../src/cards/card-data.js';
import { loadCardTemplates } from '../../src/cards/load-card-templates.js';
import { renderCard } from '../../src/cards/render-card.js';
import { MAX_NOTE_CHARS, type TicketEvent } from '../../src/escalation/ticket.js';
import { LANGUAGES } from '../../src/i18n/language.js';
import { t } from '../../src/i18n/messages.js';
import { ROOT } from '../support/start-test-app.js';
import { sampleTicket } from '../support/tickets.js';

const templates = loadCardTemplates(join(ROOT, 'cards'));
const NOW = new Date('2026-11-30T12:00:00Z');
const bytes = (data: L2CardData): number =>
  Buffer.byteLength(JSON.stringify(renderCard(templates, 'l2-ticket', data)), 'utf8');
const alice = { id: 'l2-alice', name: 'アリス' };
const user = { id: 'user-1', name: 'User' };
// Three bytes a character in UTF-8: the heaviest text a note can hold.
const heavy = (seed: string, chars: number): string => `${seed} ${'確認'.repeat(chars)}`.slice(0, chars);

/**
 * A ticket reopened and asked again and again: `rounds` × (question, answer, resolve, reopen), every text at its
 * longest.
 */
function longTicket(rounds: number) {
  const events: TicketEvent[] = [
    { at: '2026-11-01T09:00:00.000Z', kind: 'created', by: user },
    { at: '2026-11-01T09:05:00.000Z', kind: 'assigned', by: alice },
  ];
  for (let round = 0; round < rounds; round += 1) {
    const at = (minute: number): string => new Date(Date.UTC(2026, 10, 2 + round, 10, minute)).toISOString();
    events.push(
      { at: at(0), kind: 'info-requested', by: alice, note: heavy(`Q${round}`, MAX_NOTE_CHARS) },
      { at: at(10), kind: 'user-replied', by: user, note: heavy(`A${round}`, MAX_NOTE_CHARS) },
      { at: at(20), kind: 'resolved', by: alice, note: heavy(`R${round}`, MAX_NOTE_CHARS) },
      { at: at(30), kind: 'reopened', by: user },
    );
  }
  return sampleTicket({
    status: 'assigned',
    assignee: alice,
    events,
    form: {
      deviceName: heavy('PC', 200),
      tried: heavy('tried', MAX_NOTE_CHARS),
      impact: 'high',
      mdeOnboarded: 'yes',
      intuneManaged: 'no',
    },
    summary: {
      questions: Array.from({ length: 10 }, (_, index) => ({
        text: heavy(`question ${index}`, 500),
        kind: 'answer',
        entryIds: ['tp-cannot-enable'],
      })),
      feedback: [],
      facts: {},
      findings: [],
      pastes: Array.from({ length: 5 }, (_, index) => ({ text: heavy(`paste ${index}`, 4000), formats: [] })),
    },
  });
}

/** Every TextBlock text of the rendered card, and the ids its toggles open. */
function shown(data: L2CardData): { texts: string[]; toggles: string[]; ids: string[] } {
  const texts: string[] = [];
  const toggles: string[] = [];
  const ids: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record['type'] === 'TextBlock' && typeof record['text'] === 'string') texts.push(record['text']);
    if (record['type'] === 'Action.ToggleVisibility') toggles.push(...(record['targetElements'] as string[]));
    if (typeof record['id'] === 'string') ids.push(record['id']);
    Object.values(record).forEach(walk);
  };
  walk(renderCard(templates, 'l2-ticket', data));
  return { texts, toggles, ids };
}

describe('the L2 card within the 28 KB budget', () => {
  it.each(LANGUAGES)('shows a short ticket whole, nothing folded (%s)', (language) => {
    const ticket = { ...longTicket(1), form: sampleTicket().form, summary: sampleTicket().summary };
    const data = fitL2Card(ticket, NOW, language, bytes);
    expect(data).toEqual(buildL2Card(ticket, NOW, language, 0));
    // Created, assigned, the question with its answer, resolved, reopened.
    expect(data.history).toHaveLength(5);
    expect(data.earlier).toEqual([]);
    expect(data.omitted).toBe('');
  });

  it.each(LANGUAGES)('folds the oldest events of a long-running ticket and stays under the budget (%s)', (language) => {
    const ticket = longTicket(15);
    expect(bytes(buildL2Card(ticket, NOW, language, 0))).toBeGreaterThan(MAX_L2_CARD_BYTES);
    const data = fitL2Card(ticket, NOW, language, bytes);
    expect(bytes(data)).toBeLessThanOrEqual(MAX_L2_CARD_BYTES);
    expect(bytes(data)).toBeLessThanOrEqual(28 * 1024);
    const { texts, toggles, ids } = shown(data);
    // The newest event comes first: the last reopen, then the last resolution with its note.
    const history = texts.indexOf(t(language, 'l2.history'));
    expect(texts[history + 1]).toBe(t(language, 'l2.event.reopened', { time: '2026-11-16 10:30 UTC', name: 'User' }));
    expect(texts[history + 2]).toBe(t(language, 'l2.event.resolved', { time: '2026-11-16 10:20 UTC', name: 'アリス' }));
    expect(texts[history + 3]?.startsWith('R14')).toBe(true);
    // What is not shown is said: folded behind a toggle that opens an element of the card, or counted.
    const items = 2 + 15 * 3;
    expect(data.history.length + data.earlier.length + Number(/\d+/u.exec(data.omitted)?.[0] ?? 0)).toBe(items);
    if (data.earlier.length > 0) expect(ids).toEqual(expect.arrayContaining(toggles));
    expect(data.omitted).toContain(ticket.id);
  });
});
