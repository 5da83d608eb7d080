import { describe, expect, it } from 'vitest';

import { createRouteTable, RouteTableError, type Route } from '../../src/routes/route-table.js';
import type { TurnInput } from '../../src/routes/turn-input.js';
import { fakeTurnInput } from '../support/fake-turn-input.js';

const input = (overrides: Partial<TurnInput> = {}): TurnInput => fakeTurnInput({ text: 'hello', ...overrides });

const route = (id: string, matches: (turn: TurnInput) => boolean): Route => ({
  id,
  matches,
  handle: () => ({ replies: [] }),
});
const catchAll = route('catch-all', () => true);

describe('createRouteTable', () => {
  it('selects the first matching route in order', () => {
    const table = createRouteTable(
      [
        route('card-action', (turn) => turn.action !== undefined),
        route('anything-with-text', (turn) => turn.text !== ''),
      ],
      catchAll,
    );
    expect(table.select(input({ action: { verb: 'x', data: {} } })).id).toBe('card-action');
    expect(table.select(input()).id).toBe('anything-with-text');
    expect(table.select(input({ text: '' })).id).toBe('catch-all');
  });

  it('puts the catch-all last', () => {
    const table = createRouteTable([route('a', () => false)], catchAll);
    expect(table.routes.map((item) => item.id)).toEqual(['a', 'catch-all']);
  });

  it('rejects duplicate and malformed ids', () => {
    expect(() => createRouteTable([route('a', () => false), route('a', () => false)], catchAll)).toThrow(
      RouteTableError,
    );
    expect(() => createRouteTable([route('Bad_Id', () => false)], catchAll)).toThrow(/not kebab-case/u);
  });
});
