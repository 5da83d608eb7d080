import { describe, expect, it } from 'vitest';

import { placeholderRoute } from '../../src/routes/placeholder-route.js';
import { createRouteTable, RouteTableError, type Route } from '../../src/routes/route-table.js';
import type { TurnInput } from '../../src/routes/turn-input.js';

const input = (overrides: Partial<TurnInput> = {}): TurnInput => ({
  text: 'hello',
  html: undefined,
  locale: 'en-US',
  language: 'en',
  action: undefined,
  conversationId: 'c',
  activityId: 'a',
  ...overrides,
});

const route = (id: string, matches: (turn: TurnInput) => boolean): Route => ({ id, matches, handle: () => [] });

describe('createRouteTable', () => {
  it('selects the first matching route in order', () => {
    const table = createRouteTable(
      [route('card-action', (turn) => turn.action !== undefined), route('anything-with-text', (turn) => turn.text !== '')],
      placeholderRoute,
    );
    expect(table.select(input({ action: { verb: 'x', data: {} } })).id).toBe('card-action');
    expect(table.select(input()).id).toBe('anything-with-text');
    expect(table.select(input({ text: '' })).id).toBe('placeholder');
  });

  it('puts the catch-all last', () => {
    const table = createRouteTable([route('a', () => false)], placeholderRoute);
    expect(table.routes.map((item) => item.id)).toEqual(['a', 'placeholder']);
  });

  it('rejects duplicate and malformed ids', () => {
    expect(() => createRouteTable([route('a', () => false), route('a', () => false)], placeholderRoute)).toThrow(RouteTableError);
    expect(() => createRouteTable([route('Bad_Id', () => false)], placeholderRoute)).toThrow(/not kebab-case/u);
  });
});

describe('placeholderRoute', () => {
  it('answers with the placeholder card in the turn language', async () => {
    const replies = await placeholderRoute.handle(input({ language: 'ja', text: 'こんにちは' }));
    expect(replies).toEqual([
      { type: 'card', card: 'placeholder', data: { title: 'メッセージを受け付けました', body: expect.stringContaining('(5 文字)') } },
    ]);
  });
});
