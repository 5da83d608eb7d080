import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { createTicketStore, formatTicketId, isTicketId } from '../../src/escalation/ticket-store.js';
import { openFileStore } from '../../src/storage/file-store.js';
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
    expect(await store.apply('MDAV-20261129-9999', { kind: 'assign', by: { id: 'x' } }, NOW)).toEqual({
      ok: false,
      reason: 'not-found',
    });
    expect(await store.apply('tickets/../x', { kind: 'assign', by: { id: 'x' } }, NOW)).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });
});

describe('tickets stored by older versions (no history)', () => {
  /** A ticket as versions before the history wrote it: no `events` list. */
  const legacy = (changes: Record<string, unknown>): Record<string, unknown> => {
    const { events: _none, ...ticket } = sampleTicket({ id: 'MDAV-20261129-0007', ...changes });
    return { ...ticket };
  };
  const alice = { id: 'l2-alice', name: 'Alice' };

  it.each([
    ['memory', async () => createMemoryStore()],
    ['file', async () => openFileStore(await mkdtemp(join(tmpdir(), 'legacy-tickets-')))],
  ])('loads them with their history rebuilt and keeps working on them (%s storage)', async (_name, open) => {
    const raw = await open();
    await raw.write({
      'tickets/MDAV-20261129-0007': {
        ...legacy({
          status: 'resolved',
          assignee: alice,
          resolution: 'Fixed the proxy',
          updatedAt: '2026-11-29T12:00:00.000Z',
        }),
        eTag: '*',
      },
    });
    const store = createTicketStore(raw);
    const loaded = await store.get('MDAV-20261129-0007');
    expect(loaded?.events.map((event) => [event.kind, event.at, event.by.id, event.note])).toEqual([
      ['created', '2026-11-29T10:00:00.000Z', 'user-1', undefined],
      ['assigned', '2026-11-29T12:00:00.000Z', 'l2-alice', undefined],
      ['resolved', '2026-11-29T12:00:00.000Z', 'l2-alice', 'Fixed the proxy'],
    ]);
    const reopened = await store.apply('MDAV-20261129-0007', { kind: 'reopen', by: alice }, NOW);
    expect(reopened.ok && reopened.ticket.events.map((event) => event.kind)).toEqual([
      'created',
      'assigned',
      'resolved',
      'reopened',
    ]);
    expect(reopened.ok && reopened.ticket.resolution).toBeUndefined();
    // Written back in the current shape.
    const stored = (await raw.read(['tickets/MDAV-20261129-0007']))['tickets/MDAV-20261129-0007'];
    expect(Array.isArray(stored?.['events'])).toBe(true);
  });

  it('rebuilds an open question of a ticket waiting for the user, and drops malformed events', async () => {
    const raw = createMemoryStore();
    await raw.write({
      'tickets/MDAV-20261129-0007': {
        ...legacy({
          status: 'waiting-for-user',
          assignee: alice,
          infoRequest: 'Which proxy?',
          updatedAt: '2026-11-29T11:00:00.000Z',
        }),
        eTag: '*',
      },
      'tickets/MDAV-20261129-0008': {
        ...sampleTicket({ id: 'MDAV-20261129-0008' }),
        events: [{ kind: 'created' }, null, sampleTicket().events[0]],
        eTag: '*',
      },
    });
    const store = createTicketStore(raw);
    const waiting = await store.get('MDAV-20261129-0007');
    expect(waiting?.events.at(-1)).toEqual({
      at: '2026-11-29T11:00:00.000Z',
      kind: 'info-requested',
      by: alice,
      note: 'Which proxy?',
    });
    expect((await store.get('MDAV-20261129-0008'))?.events).toEqual(sampleTicket().events);
  });
});
