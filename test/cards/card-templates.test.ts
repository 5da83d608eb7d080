import { describe, expect, it } from 'vitest';

import { CARD_NAMES } from '../../src/cards/card-data.js';
import { loadCardTemplates } from '../../src/cards/load-card-templates.js';
import { buildTemplates, CardTemplateError, renderCard } from '../../src/cards/render-card.js';
import { ROOT } from '../support/start-test-app.js';

const TEXT_FIELDS = new Set(['text', 'title', 'altText', 'placeholder', 'label', 'fallbackText']);

/** Returns every user-visible string value in a card JSON tree. */
function visibleStrings(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(visibleStrings);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    TEXT_FIELDS.has(key) && typeof value === 'string' ? [value] : visibleStrings(value),
  );
}

describe('card templates in cards/', () => {
  const templates = loadCardTemplates(`${ROOT}cards`);

  it('has every template the bot needs, at schema 1.5 or lower', () => {
    for (const name of CARD_NAMES) {
      expect(templates[name]['type']).toBe('AdaptiveCard');
      expect(Number(templates[name]['version'])).toBeLessThanOrEqual(1.5);
    }
  });

  it('holds no literal user-visible text: every text is a template expression', () => {
    for (const name of CARD_NAMES) {
      for (const value of visibleStrings(templates[name])) expect(value, `${name}: ${value}`).toMatch(/^\$\{[^}]+\}$/u);
    }
  });

  it('expands data into the template', () => {
    const card = renderCard(templates, 'not-found', {
      title: 'T',
      body: 'B',
      tips: 'C',
      actions: [{ title: 'D', data: { verb: 'topics' } }],
    });
    expect(visibleStrings(card)).toEqual(['T', 'B', 'C', 'D']);
  });
});

describe('buildTemplates', () => {
  it('lists every problem with its file', () => {
    const error = (() => {
      try {
        buildTemplates({ welcome: '{"type":"AdaptiveCard","version":"1.6"}', answer: '{oops' });
      } catch (caught) {
        return caught as CardTemplateError;
      }
      throw new Error('expected a CardTemplateError');
    })();
    expect(error).toBeInstanceOf(CardTemplateError);
    expect(error.problems).toEqual([
      'welcome.json: version: must be at most 1.5 (Teams), got 1.6',
      expect.stringMatching(/^answer\.json: not valid JSON/u),
      ...CARD_NAMES.filter((name) => name !== 'welcome' && name !== 'answer').map((name) => `${name}.json: missing`),
    ]);
  });

  it('reports a missing template', () => {
    expect(() => buildTemplates({ welcome: '{"type":"AdaptiveCard","version":"1.5"}' })).toThrow(
      /answer\.json: missing/u,
    );
  });
});
