/**
 * Every line of the knowledge and every labelled message (test fixtures, bench sets, ../shared/eval when it is beside
 * the repository), normalized for matching: the real texts the matching property tests compare old and new readings on.
 */

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { normalizeForMatching } from '../../src/matching/normalize-text.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FOLDERS = ['knowledge', 'test/fixtures/questions', 'bench/realistic', 'bench/holdout', '../shared/eval'];

/** The normalized texts, empty ones left out. */
export function labelledCorpus(): string[] {
  const texts: string[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.jsonl'))
        for (const line of readFileSync(path, 'utf8').split('\n').filter(Boolean)) {
          const message = JSON.parse(line) as { text?: string; q?: string };
          texts.push(message.text ?? message.q ?? '');
        }
      else if (/\.ya?ml$/u.test(name)) texts.push(...readFileSync(path, 'utf8').split('\n'));
    }
  };
  for (const folder of FOLDERS) if (existsSync(join(ROOT, folder))) walk(join(ROOT, folder));
  return texts.map(normalizeForMatching).filter((text) => text !== '');
}
