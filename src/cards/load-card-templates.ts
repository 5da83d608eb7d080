/** Reads the card templates from the `cards/` folder (thin file loading; checks live in render-card.ts). */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildTemplates, CardTemplateError, type CardTemplates } from './render-card.js';

/** Loads and checks every template in `dir`; throws `CardTemplateError` naming each problem. */
export function loadCardTemplates(dir: string): CardTemplates {
  let names: string[];
  try {
    names = readdirSync(dir).filter((file) => file.endsWith('.json'));
  } catch (error) {
    throw new CardTemplateError([
      `${dir}: cannot read the cards folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    ]);
  }
  const files: Record<string, string> = {};
  for (const file of names) files[file.slice(0, -'.json'.length)] = readFileSync(join(dir, file), 'utf8');
  return buildTemplates(files);
}
