/**
 * JSON text of a response body in which some objects are already serialized: the cards a reply reuses (see
 * render-card.ts) are stringified once, not on every turn that sends them. The text is exactly what JSON.stringify
 * gives for the whole body.
 */

import { randomBytes } from 'node:crypto';

/** JSON text of an object that never changes, or undefined to serialize it as usual. */
export type KnownJson = (value: object) => string | undefined;

// Stands for a known object while the rest is stringified; random, so no string in a body can look like it.
const MARK = `known-json-${randomBytes(12).toString('hex')}-`;
const MARK_PATTERN = new RegExp(`"${MARK}(\\d+)"`, 'gu');

/** Returns `JSON.stringify(body)`, taking the text of objects `known` knows from it instead of walking them. */
export function serializeBody(body: unknown, known: KnownJson): string {
  const texts: string[] = [];
  const text = JSON.stringify(body, (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null) return value;
    const json = known(value);
    if (json === undefined) return value;
    texts.push(json);
    return `${MARK}${texts.length - 1}`;
  });
  return texts.length === 0 ? text : text.replace(MARK_PATTERN, (_match, index: string) => texts[Number(index)] ?? '');
}
