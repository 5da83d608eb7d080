/**
 * Prints message-extension latency in process (no HTTP): knowledge search over the development questions (each result
 * carries its card), and L2 ticket search over 5,000 stored tickets (first page, and a text filter that scans the
 * newest 500 and finds nothing), with the size of the response bodies. Run: `npx tsx bench/message-extension.ts`.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { loadCardTemplates } from '../src/cards/load-card-templates.js';
import { readTurnInput } from '../src/bot/read-turn-input.js';
import { createTicketStore } from '../src/escalation/ticket-store.js';
import type { Ticket } from '../src/escalation/ticket.js';
import { createComposeExtensions } from '../src/extensions/compose-extensions.js';
import { loadKnowledge } from '../src/knowledge/load-knowledge.js';
import { buildMatchIndex } from '../src/matching/match-index.js';
import { createMemoryStore } from '../src/storage/memory-store.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const knowledge = loadKnowledge(`${ROOT}knowledge`);
const store = createMemoryStore();
const tickets = createTicketStore(store);
const now = new Date('2026-11-30T08:00:00Z');
const TICKETS = 5000;
const person = { id: '29:user', name: 'User' };
for (let index = 0; index < TICKETS; index += 1) {
  const at = new Date(now.getTime() - (TICKETS - index) * 60_000);
  const ticket = (id: string): Ticket => ({
    id,
    status: index % 3 === 0 ? 'resolved' : 'open',
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
    requester: person,
    language: 'ja',
    userConversation: {},
    form: {
      deviceName: `PC-${index}`,
      tried: 'restarted',
      impact: 'low',
      mdeOnboarded: 'unknown',
      intuneManaged: 'unknown',
    },
    summary: {
      questions: [{ text: 'tamper protection is greyed out', kind: 'answer', entryIds: [] }],
      feedback: [],
      facts: {},
      findings: [],
      pastes: [],
    },
    events: [],
    delivery: 'not-configured',
  });
  await tickets.createOnce(`draft-${index}`, ticket, at);
}
const extensions = createComposeExtensions({
  knowledge,
  index: buildMatchIndex(knowledge),
  templates: loadCardTemplates(`${ROOT}cards`),
  tickets,
  isL2: () => true,
  l2Language: 'ja',
  now: () => now,
});
const input = readTurnInput({ conversation: { id: 'c' } as never, from: { id: 'u', name: 'User' }, locale: 'en-US' });

const questions = ['en', 'ja'].flatMap((language) =>
  readFileSync(`${ROOT}test/fixtures/questions/${language}.jsonl`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { text: string }).text),
);
const percentile = (values: number[], share: number): number =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))] ?? 0;

async function time(name: string, runs: ReadonlyArray<() => Promise<unknown>>): Promise<void> {
  const times: number[] = [];
  let bytes = 0;
  for (const run of runs) {
    const started = performance.now();
    const body = await run();
    times.push(performance.now() - started);
    bytes = Math.max(bytes, Buffer.byteLength(JSON.stringify(body), 'utf8'));
  }
  process.stdout.write(
    `${name}: ${runs.length} runs, p50 ${percentile(times, 0.5).toFixed(2)} ms, p99 ${percentile(times, 0.99).toFixed(2)} ms, largest body ${(bytes / 1024).toFixed(1)} KB\n`,
  );
}

const search = (commandId: string, text: string) => () =>
  extensions.query({
    input,
    value: { commandId, parameters: [{ name: 'query', value: text }], queryOptions: { skip: 0, count: 25 } },
  });
// Warm-up: the first match builds lazy structures.
await search('search-knowledge', 'tamper protection')();
await time(
  'knowledge search (dev-set questions, cards included)',
  questions.map((text) => search('search-knowledge', text)),
);
await time(
  `ticket search, first page of ${TICKETS} tickets`,
  Array.from({ length: 50 }, () => search('tickets-open', '')),
);
await time(
  'ticket search, text found in no ticket (scans the newest 500)',
  Array.from({ length: 50 }, () => search('tickets-all', 'nagoya')),
);
await time(
  'ticket search by id',
  Array.from({ length: 50 }, (_, index) =>
    search('tickets-all', `MDAV-20261126-${String(index + 1).padStart(4, '0')}`),
  ),
);
