/** Prints the size of the largest card the bot produces (the Teams budget is 28 KB per card). */

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { buildHelpCard, buildTopicsCard } from '../src/cards/conversation-cards.js';
import { buildDiagnosisCard } from '../src/cards/diagnosis-card.js';
import { loadCardTemplates } from '../src/cards/load-card-templates.js';
import { renderCard } from '../src/cards/render-card.js';
import { readPaste } from '../src/diagnosis/read-paste.js';
import { LANGUAGES } from '../src/i18n/language.js';
import { loadKnowledge } from '../src/knowledge/load-knowledge.js';
import { answerReply } from '../src/routes/question-route.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const knowledge = loadKnowledge(`${ROOT}knowledge`);
const templates = loadCardTemplates(`${ROOT}cards`);
const sizes: Array<[string, number]> = [];
const add = (name: string, json: unknown): void => {
  sizes.push([name, Buffer.byteLength(JSON.stringify(json), 'utf8')]);
};
for (const language of LANGUAGES) {
  for (const entry of knowledge.entries) {
    const reply = answerReply(knowledge, entry, language);
    if (reply.type === 'card') add(`answer ${entry.id} ${language}`, renderCard(templates, reply.card, reply.data as never));
  }
  add(`topics ${language}`, renderCard(templates, 'topics', buildTopicsCard(knowledge, language)));
  add(`help ${language}`, renderCard(templates, 'help', buildHelpCard(language)));
  const dir = `${ROOT}test/fixtures/pasted/`;
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.txt'))) {
    const reading = readPaste(readFileSync(`${dir}${file}`, 'utf8'), undefined);
    if (reading) add(`diagnosis ${file} ${language}`, renderCard(templates, 'diagnosis', buildDiagnosisCard(reading.merged, reading.diagnosis, knowledge, language)));
  }
}
sizes.sort((a, b) => b[1] - a[1]);
process.stdout.write(`cards: ${sizes.length}; largest ${sizes.slice(0, 3).map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(1)} KB`).join(', ')} (budget 28 KB)\n`);
