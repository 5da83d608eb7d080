import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  CARD_VERBS,
  CHAT_VERBS,
  DIALOG_VERBS,
  L2_VERBS,
  knownVerb,
  type ChatVerb,
  type DialogVerb,
} from '../../src/cards/card-verbs.js';
import { loadCardTemplates } from '../../src/cards/load-card-templates.js';
import { createCardRenderer } from '../../src/cards/render-card.js';
import type { EscalationOutbox } from '../../src/escalation/escalation-outbox.js';
import { createTicketStore } from '../../src/escalation/ticket-store.js';
import { COMMAND_IDS, createComposeExtensions } from '../../src/extensions/compose-extensions.js';
import { t } from '../../src/i18n/messages.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { buildMatchIndex } from '../../src/matching/match-index.js';
import { createCardActionRoutes } from '../../src/routes/card-action-routes.js';
import { createEscalationRoutes } from '../../src/routes/escalation-routes.js';
import { createRouteTable } from '../../src/routes/route-table.js';
import type { TurnInput } from '../../src/routes/turn-input.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import { everyCardReply } from '../support/every-card-reply.js';
import { ROOT } from '../support/start-test-app.js';
import { sampleTicket } from '../support/tickets.js';
import { fakeTurnInput } from '../support/fake-turn-input.js';

const knowledge = loadKnowledge(join(ROOT, 'knowledge'));
const index = buildMatchIndex(knowledge);
const templates = loadCardTemplates(join(ROOT, 'cards'));
const entry = knowledge.entries[0];
if (!entry) throw new Error('knowledge has no entries');

/** Every value of a `verb` key anywhere in `node` (Action.Submit data; Action.Execute's own verb). */
function verbsIn(node: unknown): unknown[] {
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]: [string, unknown]) => (key === 'verb' ? [value] : verbsIn(value)));
}

/** The verbs in `node` that are not known, as readable lines. */
const unknownVerbs = (where: string, node: unknown): string[] =>
  verbsIn(node)
    .filter((verb) => knownVerb(verb) === undefined)
    .map((verb) => `${where}: ${JSON.stringify(verb)}`);

const input = (overrides: Partial<TurnInput> = {}): TurnInput =>
  fakeTurnInput({ conversationId: 'conv-1', ...overrides });

describe('card verbs', () => {
  it('lists each verb once, and tells known verbs from misspelt ones', () => {
    expect(new Set(CARD_VERBS).size).toBe(CARD_VERBS.length);
    expect(CARD_VERBS).toEqual([...CHAT_VERBS, ...DIALOG_VERBS]);
    for (const verb of CARD_VERBS) expect(knownVerb(verb)).toBe(verb);
    for (const value of ['l2-asign', 'choose_topic', 'Topics', '', 'toString', 'constructor', undefined, 3, {}])
      expect(knownVerb(value)).toBeUndefined();
  });

  it('hard-codes only known verbs in cards/*.json, and every L2 verb on the L2 ticket card', () => {
    const files = readdirSync(join(ROOT, 'cards')).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    const json = (name: string): unknown => JSON.parse(readFileSync(join(ROOT, 'cards', name), 'utf8'));
    // A verb bound from the card data (`${...}`) comes from a builder; those are checked below on every built card.
    const literal = (verb: unknown): boolean => !(typeof verb === 'string' && /^\$\{[^}]+\}$/u.test(verb));
    const unknown = files.flatMap((name) =>
      unknownVerbs(
        name,
        verbsIn(json(name))
          .filter(literal)
          .map((verb) => ({ verb })),
      ),
    );
    expect(unknown).toEqual([]);
    // The L2 buttons exist only in their template: a verb renamed on one side shows here.
    expect(new Set(verbsIn(json('l2-ticket.json')))).toEqual(new Set(L2_VERBS));
    // The check itself fails on a misspelt verb.
    expect(unknownVerbs('forged', { actions: [{ data: { verb: 'l2-asign' } }] })).toEqual(['forged: "l2-asign"']);
  });

  it('puts only known verbs on every card the builders produce, and every chat verb on some card', () => {
    const renderer = createCardRenderer(templates);
    const seen = new Set<unknown>();
    const unknown: string[] = [];
    const replies = everyCardReply(knowledge, index);
    expect(replies.length).toBeGreaterThan(300);
    for (const [name, reply] of replies) {
      const rendered = renderer.render(reply.card, reply.data);
      for (const verb of [...verbsIn(reply.data), ...verbsIn(rendered)]) seen.add(verb);
      unknown.push(...unknownVerbs(`${name} (data)`, reply.data), ...unknownVerbs(`${name} (card)`, rendered));
    }
    expect(unknown).toEqual([]);
    expect(new Set(seen)).toEqual(new Set(CHAT_VERBS));
  });
});

describe('every card verb is handled', () => {
  it('sends each chat verb through the escalation and card action routes to a handler that is not "unknown action"', async () => {
    const tickets = createTicketStore(createMemoryStore());
    const now = new Date('2026-11-30T08:00:00Z');
    const { ticket: open } = await tickets.createOnce('draft-open', (id) => sampleTicket({ id }), now);
    const { ticket: resolved } = await tickets.createOnce(
      'draft-resolved',
      (id) => sampleTicket({ id, status: 'resolved' }),
      now,
    );
    const outbox: EscalationOutbox = {
      configured: false,
      postTicket: () => Promise.resolve(undefined),
      updateTicket: () => Promise.resolve(true),
      notifyUser: () => Promise.resolve({ delivered: true }),
    };
    const isStaff = (turn: TurnInput): boolean => turn.from.id === 'l2-user';
    // The routes that read card actions, in the app's order (the other routes take only turns without an action).
    const table = createRouteTable(
      [
        ...createEscalationRoutes({
          tickets,
          outbox,
          isL2: isStaff,
          now: () => now,
          newId: () => 'draft-0000-0001',
          postWaitMs: 0,
        }),
        ...createCardActionRoutes({ knowledge, index, isStaff }),
      ],
      { id: 'catch-all', matches: () => true, handle: () => ({ replies: [] }) },
    );
    // Data a real button of each verb carries; a verb added to CHAT_VERBS must get a sample here (a type error).
    const samples: Readonly<Record<ChatVerb, { readonly from?: string; readonly data: Record<string, string> }>> = {
      'choose-topic': { data: { entryId: entry.id } },
      'none-of-these': { data: { offered: entry.id } },
      topics: { data: {} },
      help: { data: {} },
      ask: { data: { text: entry.en.title } },
      feedback: { data: { value: 'up', entryId: entry.id } },
      escalate: { data: {} },
      'escalate-submit': { data: { draftId: 'draft-0000-0001' } },
      'ticket-reopen': { data: { ticketId: resolved.id } },
      // In this order, each one is a valid change of the open ticket.
      'l2-assign': { from: 'l2-user', data: { ticketId: open.id } },
      'l2-request-info': { from: 'l2-user', data: { ticketId: open.id, question: 'Which version?' } },
      'l2-resolve': { from: 'l2-user', data: { ticketId: open.id, note: 'Fixed.' } },
      'l2-reopen': { from: 'l2-user', data: { ticketId: open.id } },
    };
    const unknownText = t('en', 'action.unknown');
    const send = async (verb: string, sample: (typeof samples)[ChatVerb]) => {
      const turn = input({
        action: { verb, data: { ...sample.data, verb, language: 'en' } },
        from: { id: sample.from ?? 'user-1' },
      });
      const route = table.select(turn);
      const result = await route.handle(turn);
      const unknown = result.replies.some((reply) => reply.type === 'text' && reply.text === unknownText);
      return { route: route.id, unknown };
    };

    const outcomes: Record<string, { route: string; unknown: boolean }> = {};
    for (const verb of CHAT_VERBS) outcomes[verb] = await send(verb, samples[verb]);
    const unhandled = Object.entries(outcomes).filter(
      ([, outcome]) => outcome.route === 'unknown-action' || outcome.unknown,
    );
    expect(unhandled).toEqual([]);
    // The actions really happened: L2's verbs moved the open ticket through its states; the requester reopened theirs.
    expect((await tickets.get(open.id))?.events.map((event) => event.kind)).toEqual([
      'created',
      'assigned',
      'info-requested',
      'resolved',
      'reopened',
    ]);
    expect((await tickets.get(resolved.id))?.status).toBe('open');
    // The check fails on a misspelt verb: it reaches "unknown action".
    expect(await send('chose-topic', samples['choose-topic'])).toEqual({ route: 'unknown-action', unknown: true });
  });

  it("sends each dialog verb through the message extension's submitAction to a handler", async () => {
    const extensions = createComposeExtensions({
      knowledge,
      index,
      templates,
      tickets: createTicketStore(createMemoryStore()),
      isL2: () => false,
      l2Language: 'en',
      now: () => new Date('2026-11-30T08:00:00Z'),
    });
    const samples: Readonly<Record<DialogVerb, Record<string, string>>> = {
      'extension-insert': { kind: 'entry', entryId: entry.id },
    };
    const submit = (verb: string, data: Record<string, string>) =>
      extensions.submitAction({
        input: input(),
        value: { commandId: COMMAND_IDS.diagnoseMessage, data: { ...data, verb, language: 'en' } },
      });
    for (const verb of DIALOG_VERBS) {
      const body = await submit(verb, samples[verb]);
      expect(body).toMatchObject({ composeExtension: { type: 'result' } });
    }
    // The dialog shows the insert button; a misspelt verb is refused.
    const dialog = await extensions.fetchTask({
      input: input(),
      value: {
        commandId: COMMAND_IDS.diagnoseMessage,
        messagePayload: { body: { content: entry.en.title, contentType: 'text' } },
      },
    });
    expect(verbsIn(dialog)).toContain('extension-insert');
    expect(unknownVerbs('dialog', dialog)).toEqual([]);
    expect(await submit('extension-insrt', samples['extension-insert'])).toEqual({
      task: { type: 'message', value: t('en', 'ext.entry.gone') },
    });
  });
});
