/** Checks that a parsed body is an activity botbuilder can process, so bad input gets 400 instead of 500. */

export type ActivityCheck =
  { readonly ok: true } | { readonly ok: false; readonly code: 'invalid_activity'; readonly message: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// An http(s) URL without credentials, query or fragment (replies are posted below its path).
const isHttpUrl = (value: unknown): boolean => {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.username === '' &&
      url.password === '' &&
      url.search === '' &&
      url.hash === ''
    );
  } catch {
    return false;
  }
};

/** Which service URLs replies may be sent to. */
export interface ServiceUrlPolicy {
  /** Loopback (localhost, 127.0.0.0/8, ::1) is allowed: authentication is off, so this is local development. */
  readonly loopback: boolean;
  /** Further allowed origins; with `loopback` false, an empty list allows any (the token already vouches for it). */
  readonly origins: readonly string[];
}

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/u;

/** True when `serviceUrl` (already checked by checkActivity) may receive the bot's replies under `policy`. */
export function isServiceUrlAllowed(serviceUrl: string, policy: ServiceUrlPolicy): boolean {
  const url = new URL(serviceUrl);
  if (policy.loopback && LOOPBACK_HOST.test(url.hostname)) return true;
  if (policy.origins.includes(url.origin)) return true;
  return !policy.loopback && policy.origins.length === 0;
}

/** Returns whether `body` has the fields every turn relies on; the message names the first bad field. */
export function checkActivity(body: unknown): ActivityCheck {
  const fail = (message: string): ActivityCheck => ({ ok: false, code: 'invalid_activity', message });
  if (!isObject(body)) return fail('Body must be a JSON object (an activity).');
  if (typeof body['type'] !== 'string' || body['type'].trim() === '') return fail('Activity field "type" is missing.');
  if (
    !isObject(body['conversation']) ||
    typeof body['conversation']['id'] !== 'string' ||
    body['conversation']['id'] === ''
  ) {
    return fail('Activity field "conversation.id" is missing.');
  }
  if (!isHttpUrl(body['serviceUrl']))
    return fail('Activity field "serviceUrl" must be an http(s) URL without credentials, query or fragment.');
  if (body['channelId'] !== undefined && typeof body['channelId'] !== 'string')
    return fail('Activity field "channelId" must be a string.');
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
  if (body['attachments'] !== undefined && !Array.isArray(body['attachments']))
    return fail('Activity field "attachments" must be an array.');
  if (body['membersAdded'] !== undefined && !Array.isArray(body['membersAdded']))
    return fail('Activity field "membersAdded" must be an array.');
  return { ok: true };
}
