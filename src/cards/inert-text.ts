/** Makes user-supplied text safe to show in a card: no Markdown links, template expressions, mentions or HTML. */

// A zero-width space splits the syntax without changing what the reader sees.
const ZWSP = '\u200B';

/** Returns `text` as it reads, with every construct Teams or the templating engine would interpret broken up. */
export function inertText(text: string): string {
  return (
    text
      // Markdown links and images: "[x](url)" and "![x](url)" lose the "](" join.
      .replace(/\]\(/gu, `]${ZWSP}(`)
      // Template expressions: "${...}" is never evaluated, even if the card is templated again.
      .replace(/\$\{/gu, `$${ZWSP}{`)
      // Bare URLs: Teams autolinks "https://"; breaking "://" keeps the text readable but not clickable.
      .replace(/:\/\//gu, `:${ZWSP}//`)
      // Tags and mentions (<at>, <a>, <img>): "<" followed by a letter or "/" no longer opens a tag.
      .replace(/<(?=[A-Za-z/!])/gu, `<${ZWSP}`)
      // Emphasis and headings are harmless, but a leading "#" or "-" can turn a line into a heading or list.
      .replace(/^([#>-])/gmu, `${ZWSP}$1`)
  );
}
