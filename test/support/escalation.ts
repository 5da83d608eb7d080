/** Submitting the escalation form straight from a conversation, and reading which ticket a reply told about. */

import { messageActivity } from './activities.js';

const TICKET_ID = /MDAV-\d{8}-\d{4,}/u;

/** The submit of the escalation form for `draftId`, as Teams sends it (an Action.Submit message with a value). */
export function submitActivity(
  serviceUrl: string,
  conversationId: string,
  draftId: string,
  deviceName: string,
): Record<string, unknown> {
  return messageActivity({
    serviceUrl,
    conversationId,
    expectReplies: true,
    extra: {
      text: undefined,
      value: {
        verb: 'escalate-submit',
        draftId,
        language: 'en',
        deviceName,
        tried: 'Restarted the device',
        impact: 'high',
        mdeOnboarded: 'yes',
        intuneManaged: 'no',
      },
    },
  });
}

/** The ticket id the replies of a turn told the user about (created or already sent), if any. */
export function toldTicketId(body: unknown): string | undefined {
  const activities = (body as { activities?: unknown[] } | undefined)?.activities ?? [];
  return TICKET_ID.exec(JSON.stringify(activities))?.[0];
}
