/**
 * `npm run tickets -- list` and `npm run tickets -- show MDAV-20261129-0001`: the tickets in the configured
 * storage (same STORAGE / DATA_DIR settings as the bot, `.env` honoured). For teams without an L2 channel.
 */

import { createTicketStore, isTicketId } from '../escalation/ticket-store.js';
import type { Ticket } from '../escalation/ticket.js';
import { parseArgs, runCli, UsageError, type ArgsSpec } from './cli-args.js';
import { openCliStorage } from './open-cli-storage.js';
import { safeStrings, safeText } from './safe-output.js';

const SPEC: ArgsSpec = {
  options: {},
  positionals: { min: 1, max: 2 },
  usage: 'usage: npm run tickets -- list | show <ticket id>',
};

/** The sub-command and ticket id from the arguments, checked before any storage is opened. */
function commandOf(args: readonly string[]): { command: 'list' } | { command: 'show'; id: string } {
  const [command, id] = parseArgs(args, SPEC).positionals;
  if (command === 'list' && id === undefined) return { command };
  if (command === 'list') throw new UsageError([`unexpected argument '${id ?? ''}' (list takes none)`], SPEC.usage);
  if (command === 'show' && id === undefined)
    throw new UsageError(['show needs a ticket id (MDAV-YYYYMMDD-NNNN)'], SPEC.usage);
  if (command === 'show' && id !== undefined && !isTicketId(id))
    throw new UsageError([`'${String(id)}' is not a ticket id (MDAV-YYYYMMDD-NNNN)`], SPEC.usage);
  if (command === 'show' && id !== undefined) return { command, id };
  throw new UsageError([`unknown command '${command ?? ''}' (list or show)`], SPEC.usage);
}

function line(ticket: Ticket): string {
  return [
    ticket.id,
    ticket.status.padEnd(16),
    ticket.createdAt.slice(0, 16).replace('T', ' '),
    ticket.form.impact.padEnd(8),
    ticket.delivery.padEnd(14),
    ticket.form.deviceName,
    `(${ticket.requester.name ?? ticket.requester.id})`,
  ].join('  ');
}

function details(ticket: Ticket): string {
  const summary = ticket.summary;
  const lines = [
    `${ticket.id}  ${ticket.status}  (delivery: ${ticket.delivery})`,
    `requester: ${ticket.requester.name ?? ticket.requester.id}   language: ${ticket.language}   created: ${ticket.createdAt}`,
    `assignee: ${ticket.assignee ? (ticket.assignee.name ?? ticket.assignee.id) : '-'}`,
    `device: ${ticket.form.deviceName}   impact: ${ticket.form.impact}   MDE: ${ticket.form.mdeOnboarded}   Intune: ${ticket.form.intuneManaged}`,
    `tried: ${ticket.form.tried}`,
    ...(ticket.infoRequest ? [`question to the user: ${ticket.infoRequest}`] : []),
    ...(ticket.resolution ? [`resolution: ${ticket.resolution}`] : []),
    'findings:',
    ...summary.findings.map(
      (finding) => `  ${finding.severity.padEnd(7)} ${finding.id}${finding.entry ? ` → ${finding.entry}` : ''}`,
    ),
    `facts: ${JSON.stringify(summary.facts)}`,
    'questions:',
    ...summary.questions.map(
      (question) => `  - ${question.text}  [${question.kind}${question.entryIds[0] ? ` ${question.entryIds[0]}` : ''}]`,
    ),
    `pastes: ${summary.pastes.length}`,
    'history:',
    ...ticket.events.map(
      (event) =>
        `  ${event.at}  ${event.kind.padEnd(15)} ${event.by.name ?? event.by.id}${event.note ? `: ${event.note}` : ''}`,
    ),
  ];
  return lines.join('\n');
}

async function main(): Promise<number> {
  const request = commandOf(process.argv.slice(2));
  const opened = await openCliStorage('tickets');
  if (!opened) return 1;
  const { where } = opened;
  const tickets = createTicketStore(opened.store);
  if (request.command === 'list') {
    const ids = await tickets.list();
    if (ids.length === 0) process.stdout.write(safeText(`no tickets in ${where}\n`));
    for (const ticketId of ids) {
      const ticket = await tickets.get(ticketId);
      // Everything users, L2 or files put in a ticket is shown with its control characters escaped.
      if (ticket) process.stdout.write(`${line(safeStrings(ticket))}\n`);
    }
    return 0;
  }
  const ticket = await tickets.get(request.id);
  if (!ticket) {
    process.stderr.write(safeText(`tickets: no ticket ${request.id} in ${where}\n`));
    return 1;
  }
  process.stdout.write(`${details(safeStrings(ticket))}\n`);
  return 0;
}

await runCli('tickets', main);
