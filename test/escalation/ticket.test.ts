import { describe, expect, it } from 'vitest';

import { applyTicketAction, type Ticket } from '../../src/escalation/ticket.js';
import { sampleTicket } from '../support/tickets.js';

const NOW = new Date('2026-11-29T10:00:00Z');
const alice = { id: 'l2-alice', name: 'Alice' };
const bob = { id: 'l2-bob', name: 'Bob' };
const user = { id: 'user-1', name: 'User' };

const apply = (ticket: Ticket, action: Parameters<typeof applyTicketAction>[1]) =>
  applyTicketAction(ticket, action, NOW);

describe('ticket transitions', () => {
  it('assigns an open ticket and records who did it', () => {
    const result = apply(sampleTicket(), { kind: 'assign', by: alice });
    expect(result).toMatchObject({
      ok: true,
      ticket: { status: 'assigned', assignee: alice },
      event: { kind: 'assigned', by: alice },
    });
  });

  it('refuses to take a ticket someone else holds, and accepts the holder again', () => {
    const assigned = sampleTicket({ status: 'assigned', assignee: alice });
    expect(apply(assigned, { kind: 'assign', by: bob })).toEqual({ ok: false, reason: 'already-assigned' });
    expect(apply(assigned, { kind: 'assign', by: alice }).ok).toBe(true);
  });

  it('asks the user for information, then takes the reply back to the assignee', () => {
    const waiting = apply(sampleTicket({ status: 'assigned', assignee: alice }), {
      kind: 'request-info',
      by: alice,
      question: 'Device name?',
    });
    expect(waiting).toMatchObject({ ok: true, ticket: { status: 'waiting-for-user', infoRequest: 'Device name?' } });
    if (!waiting.ok) throw new Error('expected ok');
    const replied = apply(waiting.ticket, { kind: 'user-reply', by: user, text: 'PC-001' });
    expect(replied).toMatchObject({
      ok: true,
      ticket: { status: 'assigned' },
      event: { kind: 'user-replied', note: 'PC-001' },
    });
    if (replied.ok) expect(replied.ticket.infoRequest).toBeUndefined();
  });

  it('resolves with a note and reopens', () => {
    const resolved = apply(sampleTicket({ status: 'assigned', assignee: alice }), {
      kind: 'resolve',
      by: alice,
      note: 'Proxy fixed',
    });
    expect(resolved).toMatchObject({ ok: true, ticket: { status: 'resolved', resolution: 'Proxy fixed' } });
    if (!resolved.ok) throw new Error('expected ok');
    expect(apply(resolved.ticket, { kind: 'resolve', by: alice, note: 'again' })).toEqual({
      ok: false,
      reason: 'already-resolved',
    });
    expect(apply(resolved.ticket, { kind: 'reopen', by: user })).toMatchObject({
      ok: true,
      ticket: { status: 'assigned' },
    });
  });

  it('refuses actions that do not fit the state or have no text', () => {
    expect(apply(sampleTicket(), { kind: 'reopen', by: user })).toEqual({ ok: false, reason: 'not-resolved' });
    expect(apply(sampleTicket(), { kind: 'user-reply', by: user, text: 'hi' })).toEqual({
      ok: false,
      reason: 'not-waiting',
    });
    expect(apply(sampleTicket(), { kind: 'resolve', by: alice, note: '   ' })).toEqual({
      ok: false,
      reason: 'empty-text',
    });
  });

  it('keeps every change in the history', () => {
    const assigned = apply(sampleTicket(), { kind: 'assign', by: alice });
    if (!assigned.ok) throw new Error('expected ok');
    expect(assigned.ticket.events.map((event) => event.kind)).toEqual(['created', 'assigned']);
  });
});
