/** Normalizes message text for matching: mentions and HTML removed, NFKC, case folded, whitespace collapsed. */

// Teams wraps every @mention as <at>Name</at>; all of them go, not only the first.
const MENTION = /<at\b[^>]*>[\s\S]*?<\/at>/giu;
// Block-level tags and <br> become line breaks so pasted lines stay apart.
const LINE_BREAK_TAGS = /<\s*(br|\/p|\/div|\/li|\/tr|\/h[1-6]|\/pre)\b[^>]*>/giu;
const TAG = /<[^>]*>/gu;
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};
const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/giu;

/** Decodes the HTML entities Teams uses. */
function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    return ENTITIES[lower] ?? whole;
  });
}

/** Returns plain text from Teams message HTML (mentions removed, line breaks kept). */
export function htmlToText(html: string): string {
  return decodeEntities(html.replace(MENTION, ' ').replace(LINE_BREAK_TAGS, '\n').replace(TAG, ''));
}

/** Returns the message text to work on: the HTML attachment when Teams collapsed the line breaks of `text`. */
export function chooseMessageText(text: string, html: string | undefined): string {
  const plain = text.replace(MENTION, ' ');
  if (html === undefined) return /<\/?[a-z][^>]*>/iu.test(plain) ? htmlToText(plain) : plain;
  const fromHtml = htmlToText(html);
  const lines = (value: string): number => value.split('\n').filter((line) => line.trim() !== '').length;
  return lines(fromHtml) > lines(plain) ? fromHtml : plain;
}

// The last text normalized and its form: one turn normalizes its message several times (routes, the matcher, the
// analytics hash), and the function is pure.
let last: { readonly text: string; readonly normalized: string } | undefined;

/** Returns `text` in matching form: NFKC (full-width to half-width), lower case, one space between words. */
export function normalizeForMatching(text: string): string {
  if (last?.text === text) return last.normalized;
  const normalized = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000]+/gu, ' ')
    .trim();
  last = { text, normalized };
  return normalized;
}
