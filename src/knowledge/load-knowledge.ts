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
export function parseKnowledgeFiles(texts: ReadonlyArray<{ file: string; text: string }>): { files: KnowledgeFile[]; problems: string[] } {
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

/** Loads and validates every `.yaml` file in `dir`; throws `KnowledgeError` listing all problems. */
export function loadKnowledge(dir: string, policy: ValidationPolicy = DEFAULT_POLICY): KnowledgeBase {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => /\.ya?ml$/u.test(name))
      .sort();
  } catch (error) {
    throw new KnowledgeError([`${dir}: cannot read the knowledge folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  const parsed = parseKnowledgeFiles(names.map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') })));
  const result = validateKnowledge(parsed.files, policy);
  const problems = [...parsed.problems, ...result.problems];
  if (problems.length > 0 || !result.knowledge) throw new KnowledgeError(problems);
  return result.knowledge;
}
