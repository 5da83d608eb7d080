/** Expands Adaptive Card templates with their data (adaptivecards-templating) and checks templates at load time. */

import * as ACData from 'adaptivecards-templating';

import { CARD_NAMES, type CardDataMap, type CardName } from './card-data.js';
import { protectCardText } from './teams-markup.js';

/** A parsed Adaptive Card JSON object. */
export type CardJson = Readonly<Record<string, unknown>>;

/** The loaded templates, one per card name. */
export type CardTemplates = Readonly<Record<CardName, CardJson>>;

/** Highest Adaptive Card schema version Teams renders on desktop and mobile. */
const MAX_CARD_VERSION = 1.5;

/** Returns the problems of one raw template file (empty when it is usable). */
function checkTemplate(file: string, raw: string): { template?: CardJson; problems: string[] } {
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

/**
 * Builds the template set from raw file contents keyed by card name; throws `CardTemplateError` listing every problem.
 */
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
  const set = Object.freeze(templates as Record<CardName, CardJson>);
  // Parsed here, at load time, not on the first turn.
  cardRendererFor(set);
  return set;
}

/**
 * Returns the Adaptive Card JSON for `name` expanded with `data` by a fresh `ACData.Template`: every `${…}` is
 * parsed again. This is the reference the compiled renderer is checked against; the bot renders with `renderCard`.
 */
export function renderCardUncached<N extends CardName>(
  templates: CardTemplates,
  name: N,
  data: CardDataMap[N],
): CardJson {
  return expandTemplate(new ACData.Template(templates[name]), data);
}

/**
 * Expands a parsed template with `data` and protects its text for Teams: the one step both the reference and the
 * compiled path use.
 */
function expandTemplate(template: ACData.Template, data: unknown): CardJson {
  // expand() keeps its state on the Template only while it runs synchronously, so one instance serves every turn.
  return protectCardText(template.expand({ $root: data }) as CardJson);
}

/** Renders cards from templates parsed once; cards of data seen before come from a cache. */
export interface CardRenderer {
  /**
   * Returns the card for `name` expanded with `data`; cached cards are deeply frozen, so treat every result as
   * read-only. Frozen `data` must be frozen all the way down (deepFreeze): its card is then reused by identity.
   */
  render<N extends CardName>(name: N, data: CardDataMap[N]): CardJson;
}

// Cards whose data repeats from turn to turn: they depend only on (entry, language), (entries, language) or the
// language. Diagnosis, escalation and ticket cards carry facts, ids and times of one turn and are never reused.
const REUSED_CARDS: ReadonlySet<CardName> = new Set<CardName>([
  'answer',
  'choices',
  'not-found',
  'topics',
  'help',
  'welcome',
]);

// Cached cards at most (entries × languages answers plus choices and the fixed cards); the oldest go first.
const MAX_CACHED_CARDS = 512;

/** Returns `value` with every nested object and array frozen. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

// Cards from a renderer's cache (deeply frozen, never changed) and, once asked for, their JSON text.
const reusedCards = new WeakSet<object>();
const reusedCardTexts = new WeakMap<object, string>();

/**
 * Creates a renderer for `templates`: each template is parsed (every `${…}` compiled to an expression) here, once,
 * and `render` only evaluates. Expansion is deterministic, so a card is keyed by its template and the JSON of its
 * data: a repeated answer is rendered once and then reused (a frozen copy that shares nothing with any turn's data).
 */
export function createCardRenderer(templates: CardTemplates): CardRenderer {
  const compiled = new Map<CardName, ACData.Template>(
    CARD_NAMES.map((name) => [name, new ACData.Template(templates[name])]),
  );
  const cache = new Map<string, CardJson>();
  // Frozen data (answer replies are built once and frozen) cannot change, so its card is found by identity first.
  const byData = new WeakMap<object, CardJson>();
  const expand = (name: CardName, data: unknown): CardJson =>
    expandTemplate(compiled.get(name) ?? new ACData.Template(templates[name]), data);
  return {
    render(name, data) {
      if (!REUSED_CARDS.has(name)) return expand(name, data);
      const frozen = Object.isFrozen(data);
      const known = frozen ? byData.get(data) : undefined;
      if (known) return known;
      const key = `${name}\n${JSON.stringify(data)}`;
      let card = cache.get(key);
      if (!card) {
        // A JSON copy: the expansion returns objects of `data` by reference (action data), which the cache must not
        // share.
        card = deepFreeze(JSON.parse(JSON.stringify(expand(name, data))) as CardJson);
        reusedCards.add(card);
        if (cache.size >= MAX_CACHED_CARDS) cache.delete(cache.keys().next().value as string);
        cache.set(key, card);
      }
      if (frozen) byData.set(data, card);
      return card;
    },
  };
}

/**
 * Returns `JSON.stringify(card)` for a card a renderer reuses (computed once per card), or undefined for any other
 * value: a reply that sends the same answer again serializes the activity around it, not the card.
 */
export function reusedCardJson(card: object): string | undefined {
  if (!reusedCards.has(card)) return undefined;
  let text = reusedCardTexts.get(card);
  if (text === undefined) {
    text = JSON.stringify(card);
    reusedCardTexts.set(card, text);
  }
  return text;
}

// One renderer per loaded template set, made when the set is built (start-up), so callers keep passing templates.
const renderers = new WeakMap<CardTemplates, CardRenderer>();

/** Returns the renderer of a template set (made on first use for sets not built by `buildTemplates`). */
function cardRendererFor(templates: CardTemplates): CardRenderer {
  let renderer = renderers.get(templates);
  if (!renderer) {
    renderer = createCardRenderer(templates);
    renderers.set(templates, renderer);
  }
  return renderer;
}

/**
 * Returns the Adaptive Card JSON for `name` expanded with `data` (compiled templates; repeated cards cached,
 * read-only).
 */
export function renderCard<N extends CardName>(templates: CardTemplates, name: N, data: CardDataMap[N]): CardJson {
  return cardRendererFor(templates).render(name, data);
}
