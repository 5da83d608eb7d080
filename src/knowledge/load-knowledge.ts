/** Reads `knowledge/*.yaml` and validates it (thin file loading; the rules live in validate-knowledge.ts). */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { LineCounter, parseDocument } from 'yaml';

import type { KnowledgeBase } from './knowledge-entry.js';
import { DEFAULT_POLICY, validateKnowledge, type KnowledgeFile, type ValidationPolicy } from './validate-knowledge.js';

/** Thrown when the knowledge folder can't be used; `problems` names every file and field at fault. */
export class KnowledgeError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`knowledge: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'KnowledgeError';
  }
}

/** Parses YAML texts keyed by file name; syntax errors become problems with line numbers. */
export function parseKnowledgeFiles(texts: ReadonlyArray<{ file: string; text: string }>): {
  files: KnowledgeFile[];
  problems: string[];
} {
  const files: KnowledgeFile[] = [];
  const problems: string[] = [];
  for (const { file, text } of texts) {
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { uniqueKeys: true, prettyErrors: false, lineCounter });
    if (document.errors.length > 0) {
      for (const error of document.errors) {
        const { line } = lineCounter.linePos(error.pos[0]);
        problems.push(`${file}: line ${line}: YAML: ${error.message.split('\n')[0] ?? ''}`);
      }
      continue;
    }
    files.push({ file, data: document.toJS() as unknown });
  }
  return { files, problems };
}

/** One knowledge file as read from disk. */
export interface KnowledgeText {
  readonly file: string;
  readonly text: string;
}

/** Reads every `.yaml` file in `dir`, sorted by name; throws `KnowledgeError` when the folder can't be read. */
export function readKnowledgeTexts(dir: string): KnowledgeText[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => /\.ya?ml$/u.test(name))
      .sort();
  } catch (error) {
    throw new KnowledgeError([
      `${dir}: cannot read the knowledge folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    ]);
  }
  return names.map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
}

/**
 * Validates knowledge files: `parsed` is what parseKnowledgeFiles made of exactly these texts (the start cache keeps
 * it); without it the YAML is parsed here. Throws `KnowledgeError` listing all problems.
 */
export function knowledgeFromTexts(
  texts: readonly KnowledgeText[],
  policy: ValidationPolicy,
  parsed?: readonly KnowledgeFile[],
): KnowledgeBase {
  const read = parsed ? { files: [...parsed], problems: [] } : parseKnowledgeFiles(texts);
  const result = validateKnowledge(read.files, policy);
  const problems = [...read.problems, ...result.problems];
  if (problems.length > 0 || !result.knowledge) throw new KnowledgeError(problems);
  return result.knowledge;
}

/** Loads and validates every `.yaml` file in `dir`; throws `KnowledgeError` listing all problems. */
export function loadKnowledge(dir: string, policy: ValidationPolicy = DEFAULT_POLICY): KnowledgeBase {
  return knowledgeFromTexts(readKnowledgeTexts(dir), policy);
}
