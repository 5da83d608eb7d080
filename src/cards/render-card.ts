/** Expands Adaptive Card templates with their data (adaptivecards-templating) and checks templates at load time. */

import * as ACData from 'adaptivecards-templating';

import { CARD_NAMES, type CardDataMap, type CardName } from './card-data.js';
import { protectCardText } from './teams-markup.js';

/** A parsed Adaptive Card JSON object. */
export type CardJson = Readonly<Record<string, unknown>>;

/** The loaded templates, one per card name. */
export type CardTemplates = Readonly<Record<CardName, CardJson>>;

/** Highest Adaptive Card schema version Teams renders on desktop and mobile. */
export const MAX_CARD_VERSION = 1.5;

/** Returns the problems of one raw template file (empty when it is usable). */
export function checkTemplate(file: string, raw: string): { template?: CardJson; problems: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    return { problems: [`${file}: not valid JSON (${(error as Error).message})`] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { problems: [`${file}: top level must be an object`] };
  }
  const card = parsed as Record<string, unknown>;
  const problems: string[] = [];
  if (card['type'] !== 'AdaptiveCard') problems.push(`${file}: type: must be "AdaptiveCard"`);
  const version = Number(card['version']);
  if (!Number.isFinite(version) || version > MAX_CARD_VERSION) {
    problems.push(`${file}: version: must be at most ${MAX_CARD_VERSION} (Teams), got ${String(card['version'])}`);
  }
  return problems.length > 0 ? { problems } : { template: card, problems };
}

/** Thrown when templates are missing or invalid; lists every problem. */
export class CardTemplateError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`cards: invalid card templates:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CardTemplateError';
  }
}

/** Builds the template set from raw file contents keyed by card name; throws `CardTemplateError` listing every problem. */
export function buildTemplates(files: Readonly<Partial<Record<string, string>>>): CardTemplates {
  const problems: string[] = [];
  const templates: Partial<Record<CardName, CardJson>> = {};
  for (const name of CARD_NAMES) {
    const raw = files[name];
    if (raw === undefined) {
      problems.push(`${name}.json: missing`);
      continue;
    }
    const checked = checkTemplate(`${name}.json`, raw);
    problems.push(...checked.problems);
    if (checked.template) templates[name] = checked.template;
  }
  if (problems.length > 0) throw new CardTemplateError(problems);
  return Object.freeze(templates as Record<CardName, CardJson>);
}

/** Returns the Adaptive Card JSON for `name` expanded with `data`, its text escaped so Teams shows it as written. */
export function renderCard<N extends CardName>(templates: CardTemplates, name: N, data: CardDataMap[N]): CardJson {
  const template = new ACData.Template(templates[name]);
  return protectCardText(template.expand({ $root: data }) as CardJson);
}
