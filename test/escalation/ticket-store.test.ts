import { describe, expect, it } from 'vitest';

import { createTicketStore, formatTicketId, isTicketId } from '../../src/escalation/ticket-store.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import { sampleTicket } from '../support/tickets.js';

const NOW = new Date('2026-11-29T10:00:00Z');

describe('ticket store', () => {
  it('formats and recognises ticket ids', () => {
    expect(formatTicketId(NOW, 42)).toBe('MDAV-20261129-0042');
    expect(isTicketId('MDAV-20261129-0042')).toBe(true);
    expect(isTicketId('../../etc/passwd')).toBe(false);
  });

  it('hands out unique ids under concurrency, numbered per day', async () => {
    const store = createTicketStore(createMemoryStore());
    const ids = await Promise.all(Array.from({ length: 25 }, () => store.nextId(NOW)));
    expect(new Set(ids).size).toBe(25);
    expect([...ids].sort()[0]).toBe('MDAV-20261129-0001');
    expect(await store.nextId(new Date('2026-11-30T00:00:01Z'))).toBe('MDAV-20261130-0001');
  });

  it('creates one ticket for a draft submitted twice at once', async () => {
    const store = createTicketStore(createMemoryStore());
    const submit = () => store.createOnce('conv-1/draft-1', (id) => sampleTicket({ id }), NOW);
    const [first, second] = await Promise.all([submit(), submit()]);
    expect(first.ticket.id).toBe(second.ticket.id);
    expect([first.created, second.created].filter(Boolean)).toHaveLength(1);
    expect(await store.list()).toEqual([first.ticket.id]);
    const again = await submit();
    expect(again).toMatchObject({ created: false, ticket: { id: first.ticket.id } });
  });

  it('lets exactly one of two simultaneous assigns win', async () => {
    const store = createTicketStore(createMemoryStore());
    const { ticket } = await store.createOnce('conv-1/draft-1', (id) => sampleTicket({ id }), NOW);
    const results = await Promise.all([
      store.apply(ticket.id, { kind: 'assign', by: { id: 'l2-alice' } }, NOW),
      store.apply(ticket.id, { kind: 'assign', by: { id: 'l2-bob' } }, NOW),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: 'already-assigned' }]);
    const stored = await store.get(ticket.id);
    expect(stored?.events.filter((event) => event.kind === 'assigned')).toHaveLength(1);
  });

  it('reports unknown or malformed ids as not found, without touching storage keys', async () => {
    const store = createTicketStore(createMemoryStore());
    expect(await store.apply('MDAV-20261129-9999', { kind: 'assign', by: { id: 'x' } }, NOW)).toEqual({ ok: false, reason: 'not-found' });
    expect(await store.apply('tickets/../x', { kind: 'assign', by: { id: 'x' } }, NOW)).toEqual({ ok: false, reason: 'not-found' });
  });
});
