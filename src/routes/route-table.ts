/** The ordered route table: the first route whose `matches` accepts the input handles the turn. */

import type { Language } from '../i18n/language.js';
import { textReply, type Reply } from './reply.js';
import type { TurnOutcome } from './turn-outcome.js';
import type { ConversationData, TurnInput } from './turn-input.js';

/** What a handler returns: its replies and, when it changed them, the conversation's data to save. */
export interface RouteResult {
  readonly replies: readonly Reply[];
  readonly conversation?: ConversationData;
  /** How the turn ended, the one record logs, analytics and telemetry are fed from (see turn-outcome.ts). */
  readonly outcome?: TurnOutcome;
}

/** A result of one plain text reply in `language`. */
export const textResult = (text: string, language: Language): RouteResult => ({ replies: [textReply(text, language)] });

/** One route: a stable kebab-case id, a predicate, and a handler that returns its replies. */
export interface Route {
  readonly id: string;
  matches(input: TurnInput): boolean;
  handle(input: TurnInput): Promise<RouteResult> | RouteResult;
}

/** Thrown at construction when the table is unusable (duplicate or malformed ids). */
export class RouteTableError extends Error {
  constructor(message: string) {
    super(`routes: ${message}`);
    this.name = 'RouteTableError';
  }
}

/** An ordered, validated list of routes. */
export interface RouteTable {
  readonly routes: readonly Route[];
  /** Returns the first matching route; the catch-all guarantees one. */
  select(input: TurnInput): Route;
}

/** Creates a route table from `routes` in order, with `catchAll` (which must match everything) appended last. */
export function createRouteTable(routes: readonly Route[], catchAll: Route): RouteTable {
  const all = Object.freeze([...routes, catchAll]);
  const seen = new Set<string>();
  for (const route of all) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/u.test(route.id)) throw new RouteTableError(`id '${route.id}' is not kebab-case`);
    if (seen.has(route.id)) throw new RouteTableError(`duplicate route id '${route.id}'`);
    seen.add(route.id);
  }
  return {
    routes: all,
    select(input) {
      return all.find((route) => route.matches(input)) ?? catchAll;
    },
  };
}
