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
  (name) => name !== 'TPExclusions' && name !== 'TamperProtectionRegistryValue' && name !== 'ForceDefenderPassiveMode' && name !== 'ExclusionsVisible',
) as PropertyFact[];
const BY_LOWER = new Map(FACT_NAMES.map((name) => [name.toLowerCase(), name]));
// Exclusion lists print this without admin rights (sic: "be and administrator").
const HIDDEN_EXCLUSIONS = /\{N\/A:\s*Must be and administrator to view exclusions\}/iu;
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

/** Reads table form: a header of property names, a dashed underline, then one row of values. */
function readTables(lines: readonly string[], facts: Facts): number {
  let read = 0;
  for (let index = 0; index + 2 < lines.length; index += 1) {
    const header = lines[index] ?? '';
    const underline = lines[index + 1] ?? '';
    if (!/^\s*-{2,}(\s+-{2,})*\s*$/u.test(underline)) continue;
    const names = header.trim().split(/\s+/u);
    const columns = [...underline.matchAll(/-+/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
    if (names.length !== columns.length || !names.some((name) => BY_LOWER.has(name.toLowerCase()))) continue;
    const row = lines.slice(index + 2).find((line) => line.trim() !== '') ?? '';
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

/** Reads a table that Teams flattened onto one line: names, dashes, then values in order. */
function readFlattenedTable(text: string, facts: Facts): number {
  const match = /((?:[A-Z][A-Za-z0-9_]+\s+)+)((?:-{3,}\s+)+)(.+)$/mu.exec(text);
  if (!match) return 0;
  const names = (match[1] ?? '').trim().split(/\s+/u);
  const dashes = (match[2] ?? '').trim().split(/\s+/u);
  if (names.length !== dashes.length || !names.every((name) => BY_LOWER.has(name.toLowerCase()))) return 0;
  const tokens = (match[3] ?? '').trim().split(/\s+/u);
  let read = 0;
  names.forEach((raw, position) => {
    const name = BY_LOWER.get(raw.toLowerCase()) as PropertyFact;
    // The last column takes the rest ("E5 transition"); earlier ones one token each.
    const value = position === names.length - 1 ? tokens.slice(position).join(' ') : (tokens[position] ?? '');
    if (setFact(facts, name, value)) read += 1;
  });
  return read;
}

/** Returns the Get-MpComputerStatus / Get-MpPreference facts in `text`, or undefined when there are none. */
export function parseMpProperties(text: string): Facts | undefined {
  const facts: Facts = {};
  const lines = pasteLines(restoreLineBreaks(text, FLATTENED_KEYS));
  let read = readTables(lines, facts);
  read += readList(lines, facts);
  if (read === 0) read += readFlattenedTable(pasteLines(text).join('\n'), facts);
  if (HIDDEN_EXCLUSIONS.test(text)) {
    facts.ExclusionsVisible = false;
    read += 1;
  }
  return read > 0 ? facts : undefined;
}
