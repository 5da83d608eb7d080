/**
 * Builds large synthetic knowledge bases (1,000 / 5,000 entries) from the real one, deterministically, for latency
 * runs.
 */

import type { KnowledgeBase, KnowledgeEntry, LocalizedEntry } from '../src/knowledge/knowledge-entry.js';

/** A small deterministic PRNG (mulberry32) so every run measures the same data. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka',
  'to',
  'ri',
  'mon',
  'sel',
  'var',
  'qu',
  'ex',
  'lo',
  'pin',
  'dra',
  'zu',
  'ne',
  'sto',
  'gra',
  'vel',
];
const KANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモラリルレロ';

/** Returns `count` entries: real entries re-worded with invented words (a growing vocabulary) under new ids. */
export function syntheticKnowledge(real: KnowledgeBase, count: number, seed = 42): KnowledgeBase {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const word = (): string => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join('');
  const kana = (): string => Array.from({ length: 3 + Math.floor(random() * 3) }, () => pick([...KANA])).join('');
  const blend = (text: string, invent: () => string): string => {
    const parts = text.split(' ');
    for (let index = 0; index < 3; index += 1) parts.splice(Math.floor(random() * (parts.length + 1)), 0, invent());
    return parts.join(' ');
  };
  const localized = (source: LocalizedEntry, invent: () => string): LocalizedEntry => ({
    ...source,
    title: blend(source.title, invent),
    questions: source.questions.map((question) => blend(question, invent)),
    keywords: [...source.keywords, invent(), invent()],
  });
  const entries: KnowledgeEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    const source = pick(real.entries);
    entries.push({
      ...source,
      id: `${source.id}-synthetic-${index}`,
      related: [],
      errorCodes: [],
      eventIds: [],
      properties: [],
      ja: localized(source.ja, kana),
      en: localized(source.en, word),
    });
  }
  return { entries, byId: new Map(entries.map((entry) => [entry.id, entry])), outOfScope: real.outOfScope };
}

/** Returns about `bytes` of pasted text no parser or entry knows (log-like lines of invented words and numbers). */
export function unrecognisedPaste(bytes: number, seed = 7): string {
  const random = createRandom(seed);
  const lines: string[] = [];
  let size = 0;
  while (size < bytes) {
    const line = `${Math.floor(random() * 1e6)} ${SYLLABLES[Math.floor(random() * SYLLABLES.length)]}-${Math.floor(random() * 1e4)} value=${random().toFixed(6)} status ok path C:\\\\Temp\\\\x${Math.floor(random() * 1e5)}.tmp`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n').slice(0, bytes);
}
