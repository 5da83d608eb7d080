/** Checks that a parsed body is an activity botbuilder can process, so bad input gets 400 instead of 500. */

export type ActivityCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: 'invalid_activity'; readonly message: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isHttpUrl = (value: unknown): boolean => {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

/** Returns whether `body` has the fields every turn relies on; the message names the first bad field. */
export function checkActivity(body: unknown): ActivityCheck {
  const fail = (message: string): ActivityCheck => ({ ok: false, code: 'invalid_activity', message });
  if (!isObject(body)) return fail('Body must be a JSON object (an activity).');
  if (typeof body['type'] !== 'string' || body['type'].trim() === '') return fail('Activity field "type" is missing.');
  if (!isObject(body['conversation']) || typeof body['conversation']['id'] !== 'string' || body['conversation']['id'] === '') {
    return fail('Activity field "conversation.id" is missing.');
  }
  if (!isHttpUrl(body['serviceUrl'])) return fail('Activity field "serviceUrl" must be an http(s) URL.');
  if (body['channelId'] !== undefined && typeof body['channelId'] !== 'string') return fail('Activity field "channelId" must be a string.');
  for (const field of ['from', 'recipient'] as const) {
    const party = body[field];
    if (party !== undefined && (!isObject(party) || (party['id'] !== undefined && typeof party['id'] !== 'string'))) {
      return fail(`Activity field "${field}" must be an object with a string id.`);
    }
  }
  for (const field of ['text', 'locale', 'id', 'deliveryMode', 'replyToId', 'timestamp', 'localTimestamp'] as const) {
    if (body[field] !== undefined && body[field] !== null && typeof body[field] !== 'string') {
      return fail(`Activity field "${field}" must be a string.`);
    }
  }
  if (body['attachments'] !== undefined && !Array.isArray(body['attachments'])) return fail('Activity field "attachments" must be an array.');
  if (body['membersAdded'] !== undefined && !Array.isArray(body['membersAdded'])) return fail('Activity field "membersAdded" must be an array.');
  return { ok: true };
}
