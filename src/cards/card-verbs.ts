/**
 * Every verb a card button carries in its Action.Submit data (`data.verb`): the one list the card builders, the card
 * templates (`cards/*.json`) and the handlers agree on. Builders and handlers take `CardVerb`, so a misspelt verb is a
 * type error; test/cards/card-verbs.test.ts checks the templates and that every verb is handled.
 */

/** Verbs of L2's buttons on the ticket card (`cards/l2-ticket.json`); the escalation routes act on them. */
export const L2_VERBS = ['l2-assign', 'l2-request-info', 'l2-resolve', 'l2-reopen'] as const;
export type L2Verb = (typeof L2_VERBS)[number];

/** Verbs of buttons on the cards the bot sends in chat; the route table (src/routes) handles each one. */
export const CHAT_VERBS = [
  'choose-topic',
  'none-of-these',
  'topics',
  'help',
  'ask',
  'feedback',
  'escalate',
  'escalate-submit',
  'ticket-reopen',
  ...L2_VERBS,
] as const;
export type ChatVerb = (typeof CHAT_VERBS)[number];

/**
 * Verbs only the message extension's dialog sends (its insert button); its submitAction handles them, together with
 * the chat verbs of the cards it shows.
 */
export const DIALOG_VERBS = ['extension-insert'] as const;
export type DialogVerb = (typeof DIALOG_VERBS)[number];

/** Every card verb. */
export const CARD_VERBS: readonly CardVerb[] = Object.freeze([...CHAT_VERBS, ...DIALOG_VERBS]);
export type CardVerb = ChatVerb | DialogVerb;

const KNOWN: ReadonlySet<string> = new Set(CARD_VERBS);
const L2: ReadonlySet<string> = new Set(L2_VERBS);

/** `value` as a known verb, or undefined: card data comes from the client; a stale or forged button says anything. */
export const knownVerb = (value: unknown): CardVerb | undefined =>
  typeof value === 'string' && KNOWN.has(value) ? (value as CardVerb) : undefined;

/** Whether `value` is one of L2's ticket verbs. */
export const isL2Verb = (value: unknown): value is L2Verb => typeof value === 'string' && L2.has(value);
