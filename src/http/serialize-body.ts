/**
 * The bytes of an expectReplies response body (`{ activities: [...] }`) in which the cards a reply reuses (see
 * render-card.ts) are taken as JSON text stringified and encoded once, not walked and encoded again on every turn that
 * sends them. The bytes are exactly the UTF-8 of what JSON.stringify gives for the whole body; any other body is simply
 * stringified.
 */

import { randomBytes } from 'node:crypto';

/** JSON text of an object that never changes, or undefined to serialize it as usual. */
export type KnownJson = (value: object) => string | undefined;

// Stands for a known card while the rest is stringified; random, so no string in a body can look like it.
const MARK = `known-json-${randomBytes(12).toString('hex')}-`;
const MARK_PATTERN = new RegExp(`"${MARK}(\\d+)"`, 'gu');

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Returns `JSON.stringify(body)` with each known content replaced by a mark, and those contents in mark order. */
function markKnown(
  body: Record<string, unknown>,
  known: KnownJson,
): { readonly text: string; readonly found: object[] } {
  const found: object[] = [];
  // Shallow copies down to the attachments, each known content replaced by a mark; a plain JSON.stringify (no
  // replacer, so V8's fast path) then writes everything else.
  const activities = (body['activities'] as unknown[]).map((activity) => {
    if (!isObject(activity) || !Array.isArray(activity['attachments'])) return activity;
    const attachments = (activity['attachments'] as unknown[]).map((attachment) => {
      const content = isObject(attachment) ? attachment['content'] : undefined;
      const json = isObject(content) && typeof content['toJSON'] !== 'function' ? known(content) : undefined;
      if (json === undefined) return attachment;
      found.push(content as object);
      return { ...(attachment as Record<string, unknown>), content: `${MARK}${found.length - 1}` };
    });
    return { ...activity, attachments };
  });
  return { text: JSON.stringify({ ...body, activities }), found };
}

// The UTF-8 bytes of known contents (they never change, and `known` always gives an object the same text), encoded in
// their first body: a reused answer card is 10-15 KB of text, and encoding it was a large part of sending a reply.
const knownBytes = new WeakMap<object, Buffer>();

/**
 * Returns the UTF-8 bytes of `JSON.stringify(body)`, with the JSON text `known` has for attachment contents put in as
 * it is, encoded once.
 */
export function serializeBodyBytes(body: unknown, known: KnownJson): Buffer {
  if (!isObject(body) || !Array.isArray(body['activities'])) return Buffer.from(JSON.stringify(body));
  const { text, found } = markKnown(body, known);
  if (found.length === 0) return Buffer.from(text);
  const chunks: Buffer[] = [];
  let written = 0;
  for (const match of text.matchAll(MARK_PATTERN)) {
    const content = found[Number(match[1])] ?? {};
    let bytes = knownBytes.get(content);
    if (!bytes) knownBytes.set(content, (bytes = Buffer.from(known(content) ?? '')));
    chunks.push(Buffer.from(text.slice(written, match.index)), bytes);
    written = match.index + match[0].length;
  }
  chunks.push(Buffer.from(text.slice(written)));
  return Buffer.concat(chunks);
}
