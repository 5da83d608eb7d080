/**
 * Terminal-safe console output: text that came from users (escalation forms, display names, L2 notes, questions)
 * or from files must not drive the operator's terminal. C0 and C1 control characters (ESC, CSI, OSC, BEL...),
 * DEL, line and paragraph separators and bidirectional overrides are shown as visible escapes, in text and JSON.
 */

// Every character a terminal (or a bidi-aware viewer) may act on instead of showing.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
// The same, except the newline: for whole texts whose lines the command itself built.
const UNSAFE_BUT_NEWLINE =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
// What JSON.stringify leaves as it is among the above (it escapes U+0000-U+001F itself).
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const visible = (char: string): string => {
  const code = char.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
};

/** Returns `text` with every control character (the newline included) shown as an escape such as \x1b. */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** Returns a multi-line `text` the command built with control characters other than its newlines escaped. */
export function safeText(text: string): string {
  return text.replace(UNSAFE_BUT_NEWLINE, visible);
}

/** Returns `value` with every string in it (keys included) escaped by escapeControl, for text formatting. */
export function safeStrings<T>(value: T): T {
  if (typeof value === 'string') return escapeControl(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => safeStrings(item)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [escapeControl(key), safeStrings(item)])) as T;
  }
  return value;
}

/** JSON.stringify whose output holds no raw control character: the ones JSON allows raw become \uXXXX. */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    UNSAFE_IN_JSON,
    (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}
