/**
 * japaneseWords segments many runs in one Intl.Segmenter call and skips the segmenter for runs whose words are known
 * without it; tokenize keeps the terms of runs for later texts of the same caller. Both must give exactly what
 * segmenting and tokenizing each run and text on its own gives.
 */

import { describe, expect, it } from 'vitest';

import { japaneseWords, tokenize, type RunTerms } from '../../src/matching/tokenize.js';
import { labelledCorpus } from '../support/labelled-corpus.js';

const KATAKANA = /^[\u30a0-\u30ffー]+$/u;
// The runs tokenize cuts text into (Japanese ones hold only these characters).
const JAPANESE_RUN = /[\u3040-\u30ff\u4e00-\u9fff\u3005ー]+/gu;

/** The reference: one run, one segmenter call, katakana segments joined (what tokenize did before). */
function wordsOfOneRun(run: string): string[] {
  const words: string[] = [];
  let previousKatakana = false;
  for (const { segment } of new Intl.Segmenter('ja', { granularity: 'word' }).segment(run)) {
    const katakana = KATAKANA.test(segment);
    if (katakana && previousKatakana && words.length > 0) words[words.length - 1] += segment;
    else words.push(segment);
    previousKatakana = katakana;
  }
  return words;
}

/** Deterministic random strings of Japanese characters (and what sits next to them: 々, ー, small kana). */
function randomRuns(count: number, seed: number): string[] {
  const pool =
    'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんがぎぐげござじずぜぞだでどばびぶべぼぱぴぷぺぽゃゅょっ' +
    'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポャュョッーァィゥェォヶ々' +
    '日本語設定有効無効保護改防止確認管理者端末接続証明書失効時間遅初回起動一二三四五六七八九十人大中小上下';
  let state = seed;
  const next = (below: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % below;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + next(16) }, () => pool.charAt(next(pool.length))).join(''),
  );
}

describe('japaneseWords', () => {
  const texts = labelledCorpus();
  const knownRuns = texts.flatMap((text) => text.match(JAPANESE_RUN) ?? []);

  it('reads the corpus (knowledge and labelled messages hold thousands of Japanese runs)', () => {
    expect(knownRuns.length).toBeGreaterThan(3000);
  });

  it('gives each run of the knowledge and the labelled messages the words of segmenting it alone', () => {
    // Groups of runs as one text has them, and as one matcher call collects them.
    for (let at = 0; at < knownRuns.length; at += 9) {
      const runs = knownRuns.slice(at, at + 9);
      expect(japaneseWords(runs)).toEqual(runs.map(wordsOfOneRun));
    }
  });

  it('gives random runs, short and long, the words of segmenting each alone', () => {
    const runs = randomRuns(6000, 17);
    for (let at = 0; at < runs.length; at += 5) {
      const group = runs.slice(at, at + 1 + (at % 7));
      expect(japaneseWords(group)).toEqual(group.map(wordsOfOneRun));
    }
  });

  it('takes katakana-only and one-character runs without the segmenter, as the merge would', () => {
    const runs = ['クラウド', 'プロキシ', 'ー', '々', 'を', 'ファイアウォールログ', '保護', 'コンピューターウイルス'];
    expect(japaneseWords(runs)).toEqual(runs.map(wordsOfOneRun));
    expect(japaneseWords(['クラウド'])).toEqual([['クラウド']]);
  });
});

describe('tokenize with the terms of runs kept between texts', () => {
  it('gives every text the terms tokenizing it alone gives', () => {
    const texts = labelledCorpus();
    const runs: RunTerms = new Map();
    for (let at = 0; at < texts.length; at += 1) {
      const text = texts[at] ?? '';
      // A fresh map now and then, as each matcher call starts one.
      if (at % 25 === 0) runs.clear();
      expect(tokenize(text, 0.35, 3, runs)).toEqual(tokenize(text, 0.35, 3, new Map()));
    }
  });
});
