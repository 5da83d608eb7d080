/**
 * Reads `Get-MpComputerStatus` / `Get-MpPreference` output: full lists, `Select-Object` subsets in list or table
 * form, any column width, and lists flattened onto one line by Teams.
 *
 *   AMRunningMode                    : Normal
 *   IsTamperProtected                : False
 *
 *   IsTamperProtected TamperProtectionSource
 *   ----------------- ----------------------
 *               True ATP
 */

import { PROPERTY_KINDS, typeValue, type Facts, type PropertyFact } from './facts.js';
import { pasteLines, restoreLineBreaks } from './prepare-paste.js';

const FACT_NAMES = Object.keys(PROPERTY_KINDS).filter(
  (name) =>
    name !== 'TPExclusions' &&
    name !== 'TamperProtectionRegistryValue' &&
    name !== 'ForceDefenderPassiveMode' &&
    name !== 'ExclusionsVisible',
) as PropertyFact[];
const BY_LOWER = new Map(FACT_NAMES.map((name) => [name.toLowerCase(), name]));
// Exclusion lists print this without admin rights: "{N/A: Must be and administrator ...}" (sic), and in some
// versions "N/A: Must be an administrator ..." without braces.
const HIDDEN_EXCLUSIONS = /N\/A:\s*Must\s+be\s+an(?:d)?\s+administrator\s+to\s+view\s+exclusions/iu;
// Any PascalCase property line; other properties are read past, only fact names are kept.
const LIST_LINE = /^\s*([A-Z][A-Za-z0-9_]{2,})\s*:\s?(.*)$/u;
// Where a flattened list's lines began: a PascalCase name after whitespace, then a colon and whitespace.
const FLATTENED_KEYS = /(?<=\s)[A-Z][A-Za-z0-9_]{2,}\s*:(?=\s|$)/gu;

function setFact(facts: Facts, name: PropertyFact, raw: string): boolean {
  const value = typeValue(name, raw);
  if (value === undefined) return false;
  (facts as Record<string, unknown>)[name] = value;
  return true;
}

/** Reads `Name : Value` lines (list form). */
function readList(lines: readonly string[], facts: Facts): number {
  let read = 0;
  for (const line of lines) {
    const match = LIST_LINE.exec(line);
    if (!match) continue;
    const name = BY_LOWER.get((match[1] ?? '').toLowerCase());
    if (name && setFact(facts, name, match[2] ?? '')) read += 1;
  }
  return read;
}

/** Reads a two-column "Name Value" table (a hashtable of preferences), one property per row. */
function readNameValueRows(lines: readonly string[], start: number, facts: Facts): number {
  let read = 0;
  for (const line of lines.slice(start)) {
    const row = /^\s*([A-Za-z][A-Za-z0-9_]+)\s+(\S.*?)\s*$/u.exec(line);
    if (!row) break;
    const name = BY_LOWER.get((row[1] ?? '').toLowerCase());
    if (name && setFact(facts, name, row[2] ?? '')) read += 1;
  }
  return read;
}

/** Reads table form: a header of property names, a dashed underline, then one row of values. */
function readTables(lines: readonly string[], facts: Facts): number {
  let read = 0;
  for (let index = 0; index + 2 < lines.length; index += 1) {
    const header = lines[index] ?? '';
    const underline = lines[index + 1] ?? '';
    if (!/^\s*-{2,}(\s+-{2,})*\s*$/u.test(underline)) continue;
    const names = header.trim().split(/\s+/u);
    if (names.length === 2 && names[0] === 'Name' && names[1] === 'Value') {
      read += readNameValueRows(lines, index + 2, facts);
      continue;
    }
    const columns = [...underline.matchAll(/-+/gu)].map((match) => ({
      start: match.index,
      end: match.index + match[0].length,
    }));
    if (names.length !== columns.length || !names.some((name) => BY_LOWER.has(name.toLowerCase()))) continue;
    // The row follows its underline directly; text after a blank line is the user's, not a value.
    const row = lines[index + 2] ?? '';
    if (row.trim() === '') continue;
    // Columns are as wide as their underline; values may be right-aligned (numbers, booleans) and may overflow.
    const values = columns.map((column, position) => {
      const next = columns[position + 1];
      return row.slice(position === 0 ? 0 : column.start, next ? next.start : undefined).trim();
    });
    names.forEach((raw, position) => {
      const name = BY_LOWER.get(raw.toLowerCase());
      if (name && setFact(facts, name, values[position] ?? '')) read += 1;
    });
  }
  return read;
}

// The longest value seen in a last column (AMRunningMode "Passive Audit Mode").
const MAX_LAST_COLUMN_WORDS = 3;

// How many dashed underlines a flattened text is searched for (a banner's dashes can come before the table's).
const MAX_UNDERLINES = 20;
const UNDERLINE = /(?:-{3,}[ \t]+)*-{3,}/gu;

/** Returns the fact name a header word stands for; a word glued to the text before it ends with the name. */
function headerName(word: string): PropertyFact | undefined {
  const lower = word.toLowerCase();
  const exact = BY_LOWER.get(lower);
  if (exact) return exact;
  let best: PropertyFact | undefined;
  for (const [name, fact] of BY_LOWER) if (lower.endsWith(name) && (!best || name.length > best.length)) best = fact;
  return best;
}

/**
 * Reads a table that a client flattened onto one line: names, dashes, then values in order. The dashed underline
 * is found first and the names are the words just before it, so no pattern scans back and forth over a long line.
 * When the line breaks were dropped altogether, the first name is glued to the command before it and the values
 * to the dashes.
 */
function readFlattenedTable(text: string, facts: Facts): number {
  let searched = 0;
  for (const dashes of text.matchAll(UNDERLINE)) {
    if ((searched += 1) > MAX_UNDERLINES) break;
    const columns = dashes[0].split(/\s+/u).length;
    const names = text
      .slice(Math.max(0, dashes.index - 2000), dashes.index)
      .trim()
      .split(/\s+/u)
      .slice(-columns)
      .map(headerName);
    if (names.length !== columns || !names.every((name) => name !== undefined)) continue;
    const tokens = text
      .slice(dashes.index + dashes[0].length)
      .trim()
      .split(/\s+/u);
    // The last column may hold a few words ("E5 transition", "Passive Audit Mode"); earlier ones one token each.
    const values = names.map((_, position) =>
      position === names.length - 1
        ? tokens.slice(position, position + MAX_LAST_COLUMN_WORDS).join(' ')
        : (tokens[position] ?? ''),
    );
    // A row is read only when every value has its column's type: words after a header-only paste are chat, not values.
    if (!names.every((name, position) => typeValue(name, values[position] ?? '') !== undefined)) return 0;
    names.forEach((name, position) => setFact(facts, name, values[position] ?? ''));
    return names.length;
  }
  return 0;
}

/** Reads a "Name Value" table flattened onto one line: pairs of a property name and a one-word value. */
function readFlattenedNameValue(text: string, facts: Facts): number {
  const table = /\bName\s+Value\s+-{2,}\s+-{2,}\s+(.+)$/mu.exec(text);
  if (!table) return 0;
  let read = 0;
  for (const pair of (table[1] ?? '').matchAll(/([A-Za-z][A-Za-z0-9_]+)\s+(\S+)/gu)) {
    const name = BY_LOWER.get((pair[1] ?? '').toLowerCase());
    if (name && setFact(facts, name, pair[2] ?? '')) read += 1;
  }
  return read;
}

// Lower-case text one of which every output read here holds (see PasteParser.needs): a property name (lists, tables,
// flattened ones; a header word may end with it) or HIDDEN_EXCLUSIONS.
export const MP_PROPERTIES_NEEDS: readonly string[] = [...BY_LOWER.keys(), 'n/a:'];

/** Returns the Get-MpComputerStatus / Get-MpPreference facts in `text`, or undefined when there are none. */
export function parseMpProperties(text: string): Facts | undefined {
  const facts: Facts = {};
  const lines = pasteLines(restoreLineBreaks(text, FLATTENED_KEYS));
  let read = readTables(lines, facts);
  read += readList(lines, facts);
  if (read === 0) {
    const joined = pasteLines(text).join('\n');
    read += readFlattenedTable(joined, facts) + readFlattenedNameValue(joined, facts);
  }
  if (HIDDEN_EXCLUSIONS.test(text)) {
    facts.ExclusionsVisible = false;
    read += 1;
  }
  return read > 0 ? facts : undefined;
}
