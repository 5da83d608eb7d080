/**
 * Test helper process: creates tickets in file storage as fast as it can and prints "ack <id>" after each one is
 * stored.
 */

import { createTicketStore } from '../../src/escalation/ticket-store.js';
import { openFileStore } from '../../src/storage/file-store.js';
import { sampleTicket } from '../support/tickets.js';

const dir = process.argv[2] ?? '';
const round = process.argv[3] ?? '0';
const tickets = createTicketStore(await openFileStore(dir));
for (let index = 0; ; index += 1) {
  const { ticket } = await tickets.createOnce(
    `round-${round}/draft-${index}`,
    (id) =>
      sampleTicket({
        id,
        form: {
          deviceName: `PC-${round}-${index}`,
          tried: 'x'.repeat(500),
          impact: 'low',
          mdeOnboarded: 'no',
          intuneManaged: 'no',
        },
      }),
    new Date(),
  );
  process.stdout.write(`ack ${ticket.id}\n`);
}
