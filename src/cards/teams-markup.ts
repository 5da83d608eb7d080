/**
 * Keeps angle-bracket text visible in Teams. Teams renders TextBlock text and FactSet titles and values as
 * Markdown that lets HTML through, then drops unknown tags: `netsh winhttp set proxy <proxy>:<port>` showed as
 * `netsh winhttp set proxy :`. Such text gets `&lt;`, which Teams (and the Agents Playground) show as `<`.
 * RichTextBlock runs, input labels and button titles are plain text and stay as they are.
 */

// "<" that would open a tag or a comment; "a < b" and "<=" are shown as typed.
const TAG_OPEN = /<(?=[A-Za-z/!?])/gu;
// Text that reads as an entity ("&lt;", "&#60;") would be decoded; its "&" is escaped so it shows as typed.
const ENTITY_LIKE = /&(?=#?[A-Za-z0-9]+;)/gu;

/** Returns `text` with tags and entities escaped so that Teams shows it character for character. */
export function escapeTeamsMarkup(text: string): string {
  return text.replace(ENTITY_LIKE, '&amp;').replace(TAG_OPEN, '&lt;');
}

/** Returns a copy of an expanded card with the text of TextBlocks and FactSet facts escaped for Teams. */
export function protectCardText<T>(node: T): T {
  if (Array.isArray(node)) return node.map((item: unknown) => protectCardText(item)) as T;
  if (typeof node !== 'object' || node === null) return node;
  const source = node as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (source['type'] === 'TextBlock' && key === 'text' && typeof value === 'string')
      copy[key] = escapeTeamsMarkup(value);
    else if (source['type'] === 'FactSet' && key === 'facts' && Array.isArray(value))
      copy[key] = value.map(protectFact);
    else copy[key] = protectCardText(value);
  }
  return copy as T;
}

/** A fact's title and value are Markdown in Teams, like a TextBlock's text. */
function protectFact(fact: unknown): unknown {
  if (typeof fact !== 'object' || fact === null) return fact;
  const { title, value } = fact as { title?: unknown; value?: unknown };
  return {
    ...fact,
    ...(typeof title === 'string' ? { title: escapeTeamsMarkup(title) } : {}),
    ...(typeof value === 'string' ? { value: escapeTeamsMarkup(value) } : {}),
  };
}
