/** Prints how long parsing and diagnosing a 100 KB paste takes (real fixtures repeated, flattened, and adversarial). */

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { readPaste } from '../src/diagnosis/read-paste.js';

const DIR = fileURLToPath(new URL('../test/fixtures/pasted/', import.meta.url));
const SIZE = 100 * 1024;
const fixtures = readdirSync(DIR)
  .filter((file) => file.endsWith('.txt'))
  .map((file) => readFileSync(`${DIR}${file}`, 'utf8'));

const repeatTo = (text: string): string => text.repeat(Math.ceil(SIZE / text.length)).slice(0, SIZE);
const realistic = repeatTo(fixtures.join('\n\n'));
const inputs: Record<string, string> = {
  'real pastes repeated': realistic,
  'real pastes, lines collapsed by Teams': realistic.replace(/\r?\n/gu, ' '),
  'real pastes, line breaks dropped': realistic.replace(/\r?\n/gu, ''),
  'real pastes in Teams HTML': `<div>${realistic
    .split('\n')
    .map((line) => `<div>${line.replace(/&/gu, '&amp;').replace(/</gu, '&lt;')}</div>`)
    .join('')}</div>`,
  'a 100 KB dashed line': repeatTo('---- '),
  'one 100 KB line of words': repeatTo('Word '),
  'repeated SERVICE_NAME blocks': repeatTo('SERVICE_NAME: sense STATE : 4 RUNNING '),
  'property lines without end': repeatTo('IsTamperProtected : True AMRunningMode : Normal '),
};

for (const [name, text] of Object.entries(inputs)) {
  readPaste(text, undefined);
  const samples: number[] = [];
  for (let run = 0; run < 20; run += 1) {
    const started = performance.now();
    readPaste(text, undefined);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  process.stdout.write(
    `parse + diagnose 100 KB (${name}): p50 ${(samples[10] ?? 0).toFixed(2)} ms, max ${(samples[samples.length - 1] ?? 0).toFixed(2)} ms\n`,
  );
}
