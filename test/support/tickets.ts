/** A ticket to start tests from. */

import type { Ticket } from '../../src/escalation/ticket.js';

const NOW = new Date('2026-11-29T10:00:00Z');
const user = { id: 'user-1', name: 'User' };

/** Returns an open ticket with `changes` applied. */
export const sampleTicket = (changes: Partial<Ticket> = {}): Ticket => ({
  id: 'MDAV-20261129-0001',
  status: 'open',
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
  requester: user,
  language: 'ja',
  userConversation: { conversation: { id: 'conv-1' } },
  form: { deviceName: 'PC-001', tried: 'restarted', impact: 'high', mdeOnboarded: 'yes', intuneManaged: 'no' },
  summary: { questions: [], feedback: [], facts: {}, findings: [], pastes: [] },
  events: [{ at: NOW.toISOString(), kind: 'created', by: user }],
  delivery: 'not-configured',
  ...changes,
});
