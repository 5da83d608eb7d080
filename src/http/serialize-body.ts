/**
 * JSON text of an expectReplies response body (`{ activities: [...] }`) in which the cards a reply reuses (see
 * render-card.ts) are taken as JSON text stringified once, not walked again on every turn that sends them. The text
 * is exactly what JSON.stringify gives for the whole body; any other body is simply stringified.
 */

import { randomBytes } from 'node:crypto';

/** JSON text of an object that never changes, or undefined to serialize it as usual. */
export type KnownJson = (value: object) => string | undefined;

// Stands for a known card while the rest is stringified; random, so no string in a body can look like it.
const MARK = `known-json-${randomBytes(12).toString('hex')}-`;
const MARK_PATTERN = new RegExp(`"${MARK}(\\d+)"`, 'gu');

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Returns `JSON.stringify(body)`, with the text `known` has for attachment contents put in as it is. */
export function serializeBody(body: unknown, known: KnownJson): string {
  if (!isObject(body) || !Array.isArray(body['activities'])) return JSON.stringify(body);
  const texts: string[] = [];
  // Shallow copies down to the attachments, each known content replaced by a mark; a plain JSON.stringify (no
  // replacer, so V8's fast path) then writes everything else.
  const activities = (body['activities'] as unknown[]).map((activity) => {
    if (!isObject(activity) || !Array.isArray(activity['attachments'])) return activity;
    const attachments = (activity['attachments'] as unknown[]).map((attachment) => {
      const content = isObject(attachment) ? attachment['content'] : undefined;
      const json = isObject(content) && typeof content['toJSON'] !== 'function' ? known(content) : undefined;
      if (json === undefined) return attachment;
      texts.push(json);
      return { ...(attachment as Record<string, unknown>), content: `${MARK}${texts.length - 1}` };
    });
    return { ...activity, attachments };
  });
  const text = JSON.stringify({ ...body, activities });
  return texts.length === 0 ? text : text.replace(MARK_PATTERN, (_match, index: string) => texts[Number(index)] ?? '');
}
