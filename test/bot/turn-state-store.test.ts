import { join } from 'node:path';

import { ConversationState, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';

import { createRateLimiter } from '../../src/bot/rate-limiter.js';
import { SupportBot } from '../../src/bot/support-bot.js';
import { conversationKey, createTurnStateStore } from '../../src/bot/turn-state-store.js';
import { loadCardTemplates } from '../../src/cards/load-card-templates.js';
import { createTicketStore } from '../../src/escalation/ticket-store.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { createLogger } from '../../src/log/create-logger.js';
import { buildMatchIndex } from '../../src/matching/match-index.js';
import { createQuestionRoute } from '../../src/routes/question-route.js';
import { createRouteTable } from '../../src/routes/route-table.js';
import { EMPTY_CONVERSATION, rememberQuestion, type ConversationData } from '../../src/routes/turn-input.js';
import type { KeyValueStore } from '../../src/storage/key-value-store.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import { ROOT } from '../support/start-test-app.js';

/** A real memory store that records every read call's keys and every written key (other operations pass through). */
function countingStore(): KeyValueStore & { reads: string[][]; writes: string[] } {
  const store = createMemoryStore();
  const reads: string[][] = [];
  const writes: string[] = [];
  return {
    ...store,
    reads,
    writes,
    read: (keys) => {
      reads.push([...keys]);
      return store.read(keys);
    },
    write: (changes) => {
      writes.push(...Object.keys(changes));
      return store.write(changes);
    },
  };
}

const address = { channelId: 'msteams', conversationId: 'a:conv-1' };
const saved: ConversationData = rememberQuestion(EMPTY_CONVERSATION, 'how do I turn on cloud protection', 'answer', [
  'cloud-protection-enable',
]);

describe('turn state store', () => {
  it('reads the conversation data and the waiting ticket with one storage read', async () => {
    const store = countingStore();
    const turnState = createTurnStateStore(store);
    await turnState.save(address, saved);
    await createTicketStore(store).setWaiting(address.conversationId, 'MDAV-20261129-0007', 'user-7');
    store.reads.length = 0;
    const state = await turnState.load(address);
    expect(store.reads).toHaveLength(1);
    expect(state).toEqual({ conversation: saved, waiting: { ticketId: 'MDAV-20261129-0007', requesterId: 'user-7' } });
  });

  it('starts a new conversation empty, with no ticket waiting', async () => {
    expect(await createTurnStateStore(createMemoryStore()).load(address)).toEqual({
      conversation: undefined,
      waiting: undefined,
    });
  });

  it('reads what botbuilder ConversationState stored, and stores what it reads', async () => {
    const store = createMemoryStore();
    const state = new ConversationState(store);
    const property = state.createProperty<ConversationData>('conversationData');
    const activity = {
      type: 'message',
      channelId: address.channelId,
      conversation: { id: address.conversationId },
    } as Activity;
    const context = new TurnContext(new TestAdapter(), activity);
    await property.set(context, saved);
    await state.saveChanges(context);
    expect(await store.read([conversationKey(address)])).toHaveProperty([conversationKey(address)]);
    expect((await createTurnStateStore(store).load(address)).conversation).toEqual(saved);

    const changed = rememberQuestion(saved, 'what is tamper protection', 'answer', ['tamper-protection-overview']);
    await createTurnStateStore(store).save(address, changed);
    expect(await property.get(new TurnContext(new TestAdapter(), activity))).toEqual(changed);
  });
});

describe('support bot storage use', () => {
  it('reads storage once per message and writes the conversation once', async () => {
    const knowledge = loadKnowledge(join(ROOT, 'knowledge'));
    const store = countingStore();
    const bot = new SupportBot({
      routes: createRouteTable([], createQuestionRoute({ knowledge, index: buildMatchIndex(knowledge) })),
      turnState: createTurnStateStore(store),
      waitingTicketFor: async (waiting) => waiting.ticketId,
      allowedTenantIds: [],
      rateLimiter: createRateLimiter(0),
      now: () => 0,
      templates: loadCardTemplates(join(ROOT, 'cards')),
      logger: createLogger({ level: 'silent', format: 'json' }),
    });
    const adapter = new TestAdapter((context) => bot.run(context));
    await adapter.send({ type: 'message', text: 'how do I turn on cloud protection', locale: 'en-US' });
    await adapter.send({ type: 'message', text: 'tamper protection', locale: 'en-US' });
    expect(store.reads).toHaveLength(2);
    for (const keys of store.reads) expect(keys).toHaveLength(2);
    expect(store.writes).toHaveLength(2);
    expect(
      adapter.activeQueue.filter(
        (reply) => reply.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.adaptive',
      ),
    ).toHaveLength(2);
  });
});
