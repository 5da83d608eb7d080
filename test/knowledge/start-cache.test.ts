import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, describe, expect, it } from 'vitest';

import { CATALOGUE_POLICY } from '../../src/knowledge/catalogue-ids.js';
import { KnowledgeError } from '../../src/knowledge/load-knowledge.js';
import { loadStartContent, writeStartCache } from '../../src/knowledge/load-start-content.js';
import { matchQuestion } from '../../src/matching/match-question.js';
import { ROOT } from '../support/start-test-app.js';

// Under vitest the compiled modules don't exist, so the digest covers the TypeScript sources instead.
const CODE = [
  'knowledge/load-knowledge.ts',
  'knowledge/validate-knowledge.ts',
  'matching/match-index.ts',
  'matching/tokenize.ts',
  'matching/concepts.ts',
  'matching/normalize-text.ts',
].map((file) => pathToFileURL(join(ROOT, 'src', file)));
const work = mkdtempSync(join(tmpdir(), 'start-cache-'));
const knowledgeDir = join(work, 'knowledge');
cpSync(join(ROOT, 'knowledge'), knowledgeDir, { recursive: true });
const cachePath = join(work, 'start-cache.json');

const QUESTIONS = [
  'why does my app start slowly the first time?',
  '改ざん防止を確認する方法',
  'ValidateMapsConnection failed hr=0x80070005',
  'outlook が起動しない',
];
const answers = (index: Parameters<typeof matchQuestion>[0]) => QUESTIONS.map((text) => matchQuestion(index, { text }));

describe('the start cache', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const fresh = loadStartContent(knowledgeDir, CATALOGUE_POLICY, undefined, CODE);
  writeStartCache(knowledgeDir, CATALOGUE_POLICY, cachePath, CODE);

  it('is used when it fits, and gives the same knowledge and index as reading everything', () => {
    const cached = loadStartContent(knowledgeDir, CATALOGUE_POLICY, cachePath, CODE);
    expect(fresh.cache).toBe('off');
    expect(cached.cache).toBe('hit');
    expect(cached.knowledge.entries).toEqual(fresh.knowledge.entries);
    expect([...cached.index.postings]).toEqual([...fresh.index.postings]);
    expect(cached.index.entries.map((entry) => [entry.id, entry.length])).toEqual(
      fresh.index.entries.map((entry) => [entry.id, entry.length]),
    );
    expect(answers(cached.index)).toEqual(answers(fresh.index));
  });

  it('is not used once a knowledge file changes: the edit is what the bot knows', () => {
    const dir = join(work, 'edited');
    cpSync(knowledgeDir, dir, { recursive: true });
    const file = join(dir, 'slow-first-launch.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('keywords: [', 'keywords: [zyxwvutsrq, '));
    const edited = loadStartContent(dir, CATALOGUE_POLICY, cachePath, CODE);
    expect(edited.cache).toBe('miss');
    // One posting: the edited entry, nothing else.
    expect(edited.index.postings.get('zyxwvutsrq')).toEqual([
      [edited.knowledge.entries.findIndex((entry) => entry.id === 'slow-first-launch'), 2],
    ]);
  });

  it('is not used for other code (a rebuilt tokenizer) or another validation policy', () => {
    expect(loadStartContent(knowledgeDir, CATALOGUE_POLICY, cachePath, CODE.slice(1)).cache).toBe('miss');
    expect(loadStartContent(knowledgeDir, { ...CATALOGUE_POLICY, minQuestions: 5 }, cachePath, CODE).cache).toBe(
      'miss',
    );
  });

  it('is ignored when it is missing, damaged or from an older layout, and start-up still works', () => {
    expect(loadStartContent(knowledgeDir, CATALOGUE_POLICY, join(work, 'missing.json'), CODE).cache).toBe('miss');
    const damaged = join(work, 'damaged.json');
    writeFileSync(damaged, readFileSync(cachePath, 'utf8').slice(0, 1000));
    expect(loadStartContent(knowledgeDir, CATALOGUE_POLICY, damaged, CODE).cache).toBe('miss');
    const older = join(work, 'older.json');
    writeFileSync(older, JSON.stringify({ ...JSON.parse(readFileSync(cachePath, 'utf8')), version: 0 }));
    expect(loadStartContent(knowledgeDir, CATALOGUE_POLICY, older, CODE).cache).toBe('miss');
  });

  it('still validates cached knowledge, and is not written for knowledge with problems', () => {
    const dir = join(work, 'broken');
    cpSync(knowledgeDir, dir, { recursive: true });
    writeFileSync(join(dir, 'slow-first-launch.yaml'), 'id: [unclosed');
    expect(() => writeStartCache(dir, CATALOGUE_POLICY, join(work, 'broken.json'), CODE)).toThrow(KnowledgeError);
    expect(() => loadStartContent(dir, CATALOGUE_POLICY, cachePath, CODE)).toThrow(
      /slow-first-launch\.yaml: line 1: YAML/u,
    );
  });
});
