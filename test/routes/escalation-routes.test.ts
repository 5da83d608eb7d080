/**
 * The escalation routes called directly, with the real ticket store on memory and a fake outbox: the branches the HTTP
 * tests cannot easily reach (Teams never answering, a stale or forged button, an action on a ticket in the wrong
 * state) and what each turn asks of the store and the outbox.
 */

import { describe, expect, it } from 'vitest';

import type { Ticket } from '../../src/escalation/ticket.js';
import type { Reply } from '../../src/routes/reply.js';
import type { Route, RouteResult } from '../../src/routes/route-table.js';
import { EMPTY_CONVERSATION, type TurnInput } from '../../src/routes/turn-input.js';
import { fakeEscalation, FIXED_NOW, L2_POST, type FakeEscalation } from '../support/fake-escalation.js';
import { fakeTurnInput } from '../support/fake-turn-input.js';
import { sampleTicket } from '../support/tickets.js';

const UNKNOWN_ACTION = 'That button is no longer available. Please ask your question again.';
const FORM = {
  deviceName: 'PC-042',
  tried: 'Restarted the device',
  impact: 'high',
  mdeOnboarded: 'yes',
  intuneManaged: 'no',
};
const L2_ENGINEER = { id: 'l2-alice', name: 'Alice' };

/** Runs one turn as the route table does: the first route that matches handles it. */
async function turn(routes: readonly Route[], input: TurnInput): Promise<{ route: string; result: RouteResult }> {
  const route = routes.find((candidate) => candidate.matches(input));
  if (!route) throw new Error('no route matched');
  return { route: route.id, result: await route.handle(input) };
}

const text = (reply: Reply | undefined): string | undefined => (reply?.type === 'text' ? reply.text : undefined);
const cardData = (reply: Reply | undefined): Record<string, unknown> =>
  reply?.type === 'card' ? (reply.data as unknown as Record<string, unknown>) : {};

const submit = (data: Record<string, string>, overrides: Partial<TurnInput> = {}): TurnInput =>
  fakeTurnInput({ action: { verb: 'escalate-submit', data: { verb: 'escalate-submit', ...data } }, ...overrides });
const click = (verb: string, data: Record<string, string>, overrides: Partial<TurnInput> = {}): TurnInput =>
  fakeTurnInput({ action: { verb, data: { verb, ...data } }, ...overrides });

/** Stores a ticket as it would be after `changes`, straight in the store (no route call recorded). */
async function seed(escalation: FakeEscalation, changes: Partial<Ticket> = {}): Promise<Ticket> {
  const { ticket } = await escalation.store.createOnce(
    `seed/${Math.random()}`,
    (id) => sampleTicket({ id, language: 'en', ...changes }),
    FIXED_NOW,
  );
  return ticket;
}

describe('escalate and submit the form', () => {
  const conversation = {
    ...EMPTY_CONVERSATION,
    questions: [{ text: 'cloud protection fails', kind: 'answer', entryIds: ['error-0x80508015', 'maps-reporting'] }],
    facts: { ValidateMapsConnection: { ok: false, hresult: '0x80508015', httpCode: 451 } },
    draftId: 'draft-0000-0001',
  };

  it('creates the ticket with the conversation summary and tells the user, without an L2 channel', async () => {
    const escalation = fakeEscalation({ configured: false });
    const routes = escalation.routes();

    const form = await turn(routes, fakeTurnInput({ text: 'escalate', conversation: EMPTY_CONVERSATION }));
    expect(form.route).toBe('escalate');
    expect(form.result.replies[0]).toMatchObject({ type: 'card', card: 'escalation-form', language: 'en' });
    expect(form.result.conversation?.draftId).toBe('draft-0000-0001');

    const { route, result } = await turn(routes, submit({ draftId: 'draft-0000-0001', ...FORM }, { conversation }));
    expect(route).toBe('escalate-submit');
    const [stored] = await escalation.store.list();
    const ticket = await escalation.store.get(stored ?? '');
    expect(ticket).toMatchObject({
      status: 'open',
      requester: { id: 'user-1' },
      language: 'en',
      form: FORM,
      delivery: 'not-configured',
      summary: { questions: conversation.questions, facts: conversation.facts },
      events: [{ kind: 'created', by: { id: 'user-1' }, at: FIXED_NOW.toISOString() }],
    });
    expect(ticket?.summary.findings.map((finding) => finding.id)).toEqual(['maps-cloud-disabled-or-blocked']);
    expect(result.replies).toHaveLength(1);
    expect(result.replies[0]).toMatchObject({ type: 'card', card: 'ticket', language: 'en' });
    expect(cardData(result.replies[0])['message']).toBe(
      `Ticket ${ticket?.id} was created with the summary below. ` +
        'L2 will pick it up from the ticket list. I will tell you here when something changes.',
    );
    // The form is used up; the rest of the conversation stays.
    expect(result.conversation).toEqual({
      ...EMPTY_CONVERSATION,
      questions: conversation.questions,
      facts: conversation.facts,
    });
    expect(escalation.storeCalls).toEqual([['createOnce', 'c/draft-0000-0001']]);
    expect(escalation.outboxCalls).toEqual([]);
    expect(escalation.ticketEvents).toEqual([
      ['created', ticket?.id, { entryIds: ['error-0x80508015'], findingIds: ['maps-cloud-disabled-or-blocked'] }],
    ]);
  });

  it('posts the ticket to the L2 channel and says it arrived when Teams answers in time', async () => {
    const escalation = fakeEscalation({ configured: true, post: L2_POST });
    const { result } = await turn(
      escalation.routes(),
      submit({ draftId: 'draft-0000-0001', ...FORM }, { conversation }),
    );
    const id = (await escalation.store.list())[0] ?? '';
    expect(cardData(result.replies[0])['message']).toBe(
      `Ticket ${id} was created with the summary below. ` +
        'L2 has it in their channel and will pick it up. I will tell you here when something changes.',
    );
    expect(await escalation.store.get(id)).toMatchObject({ delivery: 'delivered', l2Post: L2_POST });
    expect(escalation.outboxCalls).toEqual([['postTicket', `${id} open`]]);
    expect(escalation.ticketEvents.map(([kind]) => kind)).toEqual(['created', 'delivered']);
  });

  it('answers "pending" when Teams does not answer within the wait, and keeps the ticket for delivery', async () => {
    const escalation = fakeEscalation({ configured: true, post: 'never' });
    const { result } = await turn(
      escalation.routes(),
      submit({ draftId: 'draft-0000-0001', ...FORM }, { conversation }),
    );
    const id = (await escalation.store.list())[0] ?? '';
    expect(cardData(result.replies[0])['message']).toBe(
      `Ticket ${id} was created with the summary below. The L2 channel could not be reached just now. ` +
        'The ticket is saved and will be delivered automatically; you do not need to send it again.',
    );
    expect(await escalation.store.get(id)).toMatchObject({ delivery: 'pending' });
    expect(escalation.ticketEvents.map(([kind]) => kind)).toEqual(['created']);
  });

  it('says "already sent" on a second submit of the same form and creates nothing more', async () => {
    const escalation = fakeEscalation({ configured: false });
    const routes = escalation.routes();
    await turn(routes, submit({ draftId: 'draft-0000-0001', ...FORM }, { conversation }));
    const again = await turn(routes, submit({ draftId: 'draft-0000-0001', ...FORM }, { conversation }));
    const ids = await escalation.store.list();
    expect(ids).toHaveLength(1);
    expect(cardData(again.result.replies[0])['message']).toBe(`This escalation was already sent as ticket ${ids[0]}.`);
    expect(again.result.conversation).toBeUndefined();
    expect(escalation.ticketEvents.map(([kind]) => kind)).toEqual(['created']);
  });

  it.each([
    ['without a draft id', {}],
    ['with a forged draft id', { draftId: '../../tickets' }],
    ['with a too short draft id', { draftId: 'abc' }],
  ])('refuses a submit %s as an unknown action and stores nothing', async (_name, data) => {
    const escalation = fakeEscalation({ configured: true, post: L2_POST });
    const { result } = await turn(escalation.routes(), submit({ ...data, ...FORM }));
    expect(result.replies.map(text)).toEqual([UNKNOWN_ACTION]);
    expect(escalation.storeCalls).toEqual([]);
    expect(escalation.outboxCalls).toEqual([]);
  });

  it('shows the form again with what is missing and what was entered, in the button language, creating nothing', async () => {
    const escalation = fakeEscalation({ configured: false });
    const { result } = await turn(
      escalation.routes(),
      submit({ draftId: 'draft-0000-0001', language: 'ja', deviceName: 'PC-042', impact: 'urgent' }),
    );
    expect(result.replies).toHaveLength(1);
    expect(result.replies[0]).toMatchObject({
      type: 'card',
      card: 'escalation-form',
      language: 'ja',
      data: { deviceValue: 'PC-042', triedValue: '', impactValue: 'urgent' },
    });
    expect(cardData(result.replies[0])['error']).toBe(
      '次の項目を入力してください: これまでに試したこと, 影響度と緊急度, ' +
        'デバイスは Microsoft Defender for Endpoint にオンボード済みですか?, デバイスは Intune で管理されていますか?',
    );
    expect(result.conversation).toBeUndefined();
    expect(escalation.storeCalls).toEqual([]);
  });
});

describe("L2's actions on the ticket card", () => {
  const asL2 = { from: L2_ENGINEER };
  const l2 = (): FakeEscalation =>
    fakeEscalation({ configured: true, post: L2_POST }, (input) => input.from.id === 'l2-alice');

  it('refuses anyone outside L2, records the refusal and touches no ticket', async () => {
    const escalation = l2();
    const ticket = await seed(escalation);
    const { route, result } = await turn(escalation.routes(), click('l2-assign', { ticketId: ticket.id }));
    expect(route).toBe('l2-action');
    expect(result.replies.map(text)).toEqual(['Only L2 can act on tickets; nothing was changed.']);
    expect(escalation.ticketEvents).toEqual([['refused', ticket.id, { verb: 'l2-assign' }]]);
    expect(escalation.storeCalls).toEqual([]);
    expect(await escalation.store.get(ticket.id)).toEqual(ticket);
  });

  it.each([
    ['assign an unknown ticket', 'l2-assign', {}, 'not-found'],
    [
      'resolve a resolved ticket',
      'l2-resolve',
      { status: 'resolved' as const, resolution: 'done' },
      'already-resolved',
    ],
    ['assign a ticket another engineer has', 'l2-assign', { assignee: { id: 'l2-bob' } }, 'already-assigned'],
    ['ask a question without text', 'l2-request-info', {}, 'empty-text'],
    ['reopen a ticket that is open', 'l2-reopen', {}, 'not-resolved'],
  ])('says why it cannot %s, and changes and tells nothing', async (_name, verb, changes, reason) => {
    const escalation = l2();
    const ticket = await seed(escalation, changes);
    const ticketId = reason === 'not-found' ? 'MDAV-20991231-0001' : ticket.id;
    const { result } = await turn(escalation.routes(), click(verb, { ticketId, question: '  ', note: '' }, asL2));
    expect(result.replies.map(text)).toEqual([`That ticket cannot be changed now (${reason}).`]);
    expect(escalation.storeCalls).toEqual([['apply', ticketId, expect.any(String)]]);
    expect(escalation.outboxCalls).toEqual([]);
    expect(escalation.ticketEvents).toEqual([]);
    expect(await escalation.store.get(ticket.id)).toEqual(ticket);
  });

  it('asks the requester a question: waits for their answer, updates the L2 card and tells them', async () => {
    const escalation = l2();
    const ticket = await seed(escalation, { l2Post: L2_POST, delivery: 'delivered' });
    const { result } = await turn(
      escalation.routes(),
      click('l2-request-info', { ticketId: ticket.id, question: 'Which proxy do you use?' }, asL2),
    );
    expect(result.replies).toEqual([]);
    expect(escalation.storeCalls).toEqual([
      ['apply', ticket.id, 'request-info'],
      ['setWaiting', 'conv-1', ticket.id, 'user-1'],
      ['patch', ticket.id],
    ]);
    expect(escalation.outboxCalls).toEqual([
      ['updateTicket', `${ticket.id} waiting-for-user`, 'info-requested'],
      ['notifyUser', `${ticket.id} waiting-for-user`, 'info-requested', 'l2'],
    ]);
    expect(await escalation.store.waitingFor('conv-1')).toEqual({ ticketId: ticket.id, requesterId: 'user-1' });
    expect(await escalation.store.get(ticket.id)).toMatchObject({
      status: 'waiting-for-user',
      infoRequest: 'Which proxy do you use?',
      userCard: { activityId: 'user-card-2', message: 'info-requested' },
    });
    expect(escalation.ticketEvents).toEqual([['info-requested', ticket.id]]);
  });
});

describe("the requester's answers and reopen button", () => {
  it('adds the answer to the ticket waiting for it and tells L2', async () => {
    const escalation = fakeEscalation({ configured: true, post: L2_POST });
    const ticket = await seed(escalation, { status: 'waiting-for-user', infoRequest: 'Which proxy?' });
    await escalation.store.setWaiting('c', ticket.id, 'user-1');
    const { route, result } = await turn(
      escalation.routes(),
      fakeTurnInput({ text: 'proxy.example:8080', waitingTicketId: ticket.id }),
    );
    expect(route).toBe('ticket-reply');
    expect(result.replies.map(text)).toEqual([`Added to ticket ${ticket.id}. L2 has been told.`]);
    expect(await escalation.store.waitingFor('c')).toBeUndefined();
    expect(await escalation.store.get(ticket.id)).toMatchObject({ status: 'open' });
    // No L2 post yet: only the requester's chat is told.
    expect(escalation.outboxCalls).toEqual([['notifyUser', `${ticket.id} open`, 'user-replied', 'requester']]);
  });

  it('says the ticket cannot take an answer when it no longer waits for one, and stops waiting', async () => {
    const escalation = fakeEscalation({ configured: true, post: L2_POST });
    const ticket = await seed(escalation, { status: 'resolved', resolution: 'fixed' });
    await escalation.store.setWaiting('c', ticket.id, 'user-1');
    const { result } = await turn(
      escalation.routes(),
      fakeTurnInput({ text: 'still broken', waitingTicketId: ticket.id, language: 'ja', locale: 'ja-JP' }),
    );
    expect(result.replies).toEqual([
      { type: 'text', text: 'このチケットは現在変更できません (not-waiting)。', language: 'ja' },
    ]);
    expect(await escalation.store.waitingFor('c')).toBeUndefined();
    expect(escalation.outboxCalls).toEqual([]);
    expect(await escalation.store.get(ticket.id)).toEqual(ticket);
  });

  it.each([
    ['an unknown ticket', 'MDAV-20991231-0001', 'user-1'],
    ["someone else's ticket", undefined, 'user-2'],
  ])('answers a reopen click on %s as an unknown action in the button language', async (_name, id, userId) => {
    const escalation = fakeEscalation({ configured: true, post: L2_POST });
    const ticket = await seed(escalation, { status: 'resolved', resolution: 'fixed' });
    const { route, result } = await turn(
      escalation.routes(),
      click('ticket-reopen', { ticketId: id ?? ticket.id, language: 'ja' }, { from: { id: userId } }),
    );
    expect(route).toBe('ticket-reopen');
    expect(result.replies).toEqual([
      { type: 'text', text: 'このボタンは現在使用できません。もう一度ご質問ください。', language: 'ja' },
    ]);
    expect(await escalation.store.get(ticket.id)).toEqual(ticket);
    expect(escalation.outboxCalls).toEqual([]);
  });

  it('says why a ticket that is not resolved cannot be reopened', async () => {
    const escalation = fakeEscalation({ configured: true, post: L2_POST });
    const ticket = await seed(escalation);
    const { result } = await turn(escalation.routes(), click('ticket-reopen', { ticketId: ticket.id, language: 'en' }));
    expect(result.replies.map(text)).toEqual(['That ticket cannot be changed now (not-resolved).']);
    expect(escalation.outboxCalls).toEqual([]);
  });
});
