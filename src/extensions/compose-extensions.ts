/**
 * The message extension: a table of compose-box search commands and message actions, each turning an invoke's value
 * into the Teams response body. Nothing here throws for user input: unknown commands, forged values, empty and long
 * queries all get a message or an empty list.
 */

import { buildNotFoundCard } from '../cards/answer-card.js';
import type { ActionData } from '../cards/card-data.js';
import { knownVerb, type CardVerb } from '../cards/card-verbs.js';
import { renderCard, type CardJson, type CardTemplates } from '../cards/render-card.js';
import type { TicketStore } from '../escalation/ticket-store.js';
import { t } from '../i18n/messages.js';
import { languageOfLocale, type Language } from '../i18n/language.js';
import type { KnowledgeBase, KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import type { MatchIndex } from '../matching/match-index.js';
import type { IsStaff } from '../routes/audience.js';
import type { CardReply } from '../routes/reply.js';
import type { TurnInput } from '../routes/turn-input.js';
import { diagnoseMessage, readMessagePayload, type MessageReading } from './diagnose-message.js';
import {
  extensionMessage,
  insertCard,
  resultList,
  taskCard,
  taskMessage,
  type ComposeExtensionBody,
  type ExtensionBody,
  type TaskBody,
} from './extension-response.js';
import { firstLine, insertedAnswerCard, MAX_QUERY_CHARS, searchKnowledge } from './search-knowledge.js';
import { insertedL2Card, MAX_PAGE, searchTickets, ticketPreview, type TicketFilter } from './search-tickets.js';

export interface ComposeExtensionDeps {
  readonly knowledge: KnowledgeBase;
  readonly index: MatchIndex;
  readonly templates: CardTemplates;
  readonly tickets: Pick<TicketStore, 'get' | 'list'>;
  /** The L2 rule of the ticket actions (the L2 channel or the allowed AAD ids). */
  readonly isL2: IsStaff;
  readonly l2Language: Language;
  readonly now: () => Date;
  /** Receives what each invoke did (command ids, counts and lengths only: never the query text). */
  readonly onInvoke?: (event: {
    readonly invoke: string;
    readonly commandId: string;
    readonly outcome: string;
    readonly count?: number;
    readonly queryLength?: number;
  }) => void;
}

/** An extension invoke: the route-facing turn input and the activity's value (untrusted JSON). */
export interface ExtensionRequest {
  readonly input: TurnInput;
  readonly value: unknown;
}

export interface ComposeExtensions {
  /** composeExtension/query */
  query(request: ExtensionRequest): Promise<ComposeExtensionBody>;
  /** composeExtension/selectItem */
  selectItem(request: ExtensionRequest): Promise<ComposeExtensionBody>;
  /** composeExtension/fetchTask */
  fetchTask(request: ExtensionRequest): Promise<TaskBody>;
  /** composeExtension/submitAction */
  submitAction(request: ExtensionRequest): Promise<ExtensionBody>;
}

/** Command ids, as in appPackage/manifest.template.json. */
export const COMMAND_IDS = {
  searchKnowledge: 'search-knowledge',
  ticketsOpen: 'tickets-open',
  ticketsMine: 'tickets-mine',
  ticketsAll: 'tickets-all',
  diagnoseMessage: 'diagnose-message',
} as const;

// The verb of the dialog's insert button.
const INSERT_VERB = 'extension-insert' satisfies CardVerb;

const record = (value: unknown): Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The search text of a query invoke: the first parameter that is not Teams' initialRun marker. */
function queryText(value: Readonly<Record<string, unknown>>): string {
  const parameters = Array.isArray(value['parameters']) ? (value['parameters'] as unknown[]) : [];
  const parameter = parameters.map(record).find((item) => item['name'] !== 'initialRun');
  return text(parameter?.['value']).trim();
}

/** The page Teams asks for, bounded. */
function pageOf(value: Readonly<Record<string, unknown>>): { skip: number; count: number } {
  const options = record(value['queryOptions']);
  const number = (raw: unknown, fallback: number): number =>
    typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 ? raw : fallback;
  return {
    skip: Math.min(number(options['skip'], 0), 10_000),
    count: Math.min(Math.max(number(options['count'], MAX_PAGE), 1), MAX_PAGE),
  };
}

/** The language of text the user did not type in (ticket lists, errors): the client's locale, else English. */
const localeLanguage = (input: TurnInput, fallback: Language = 'en'): Language =>
  languageOfLocale(input.locale) ?? fallback;

/** A language carried in a value we sent, checked. */
const carriedLanguage = (value: unknown, input: TurnInput): Language =>
  languageOfLocale(text(value)) ?? localeLanguage(input);

/** Creates the message extension over the knowledge, the matcher, the card templates and the ticket store. */
export function createComposeExtensions(deps: ComposeExtensionDeps): ComposeExtensions {
  const render = (reply: CardReply): CardJson => renderCard(deps.templates, reply.card, reply.data as never);
  const note = (
    invoke: string,
    commandId: string,
    outcome: string,
    extra: { count?: number; queryLength?: number } = {},
  ): void => deps.onInvoke?.({ invoke, commandId, outcome, ...extra });

  const answerCardJson = (entry: KnowledgeEntry, language: Language, adminOpen: boolean): CardJson => {
    const data = insertedAnswerCard(entry, language, adminOpen);
    return render({ type: 'card', card: 'answer', data, language, summary: data.title });
  };

  const searchKnowledgeCommand = (input: TurnInput, query: string): ComposeExtensionBody => {
    const language = localeLanguage(input);
    if (query === '') return extensionMessage(t(language, 'ext.query.empty'));
    const search = searchKnowledge(deps.knowledge, deps.index, input, query);
    // A handful of entries: each result carries its card too, for clients without selectItem (the Agents Playground).
    return resultList(
      search.entries.map((entry) => ({
        title: entry[search.language].title,
        text: firstLine(entry[search.language].short),
        select: { kind: 'entry', entryId: entry.id, language: search.language, adminOpen: search.adminOpen },
        card: answerCardJson(entry, search.language, search.adminOpen),
      })),
    );
  };

  const searchTicketsCommand =
    (filter: TicketFilter) =>
    async (
      input: TurnInput,
      query: string,
      value: Readonly<Record<string, unknown>>,
    ): Promise<ComposeExtensionBody> => {
      const language = localeLanguage(input, deps.l2Language);
      if (!deps.isL2(input)) return extensionMessage(t(language, 'ext.tickets.refused'));
      const now = deps.now();
      const found = await searchTickets(deps.tickets, filter, input.from, query, pageOf(value));
      return resultList(
        found.map((ticket) => ({
          ...ticketPreview(ticket, now, language),
          select: { kind: 'ticket', ticketId: ticket.id, language },
        })),
      );
    };

  // Search commands by id (the manifest's composeExtensions[0].commands of type query).
  const QUERY_COMMANDS: Readonly<
    Record<
      string,
      (
        input: TurnInput,
        query: string,
        value: Readonly<Record<string, unknown>>,
      ) => ComposeExtensionBody | Promise<ComposeExtensionBody>
    >
  > = {
    [COMMAND_IDS.searchKnowledge]: searchKnowledgeCommand,
    [COMMAND_IDS.ticketsOpen]: searchTicketsCommand('open'),
    [COMMAND_IDS.ticketsMine]: searchTicketsCommand('mine'),
    [COMMAND_IDS.ticketsAll]: searchTicketsCommand('all'),
  };

  /** The dialog for what the action read; insertable results get the insert button (data checked again on submit). */
  const readingDialog = (reading: MessageReading): TaskBody => {
    const card = render(reading.reply);
    const insertData: ActionData | undefined =
      reading.kind === 'answer'
        ? {
            verb: INSERT_VERB,
            kind: 'entry',
            entryId: reading.entry.id,
            language: reading.language,
            ...(reading.adminOpen ? { view: 'admin' } : {}),
          }
        : reading.kind === 'diagnosis'
          ? { verb: INSERT_VERB, kind: 'diagnosis', language: reading.language }
          : undefined;
    const actions = Array.isArray(card['actions']) ? (card['actions'] as unknown[]) : [];
    const withInsert = insertData
      ? {
          ...card,
          actions: [
            ...actions,
            {
              type: 'Action.Submit',
              title: t(reading.language, 'ext.diagnose.insert'),
              style: 'positive',
              data: insertData,
            },
          ],
        }
      : card;
    return taskCard(t(reading.language, 'ext.diagnose.title'), withInsert);
  };

  const answerDialog = (entryId: string, language: Language, adminOpen: boolean): TaskBody => {
    const entry = deps.knowledge.byId.get(entryId);
    if (!entry) return taskMessage(t(language, 'ext.entry.gone'));
    return readingDialog({
      kind: 'answer',
      language,
      entry,
      adminOpen,
      reply: {
        type: 'card',
        card: 'answer',
        data: insertedAnswerCard(entry, language, adminOpen),
        language,
        summary: entry[language].title,
      },
    });
  };

  return {
    async query({ input, value }) {
      const body = record(value);
      const commandId = text(body['commandId']);
      const command = QUERY_COMMANDS[commandId];
      if (!command) {
        note('query', commandId.slice(0, 64), 'unknown-command');
        return extensionMessage(t(localeLanguage(input), 'ext.command.unknown'));
      }
      const query = queryText(body);
      if (query.length > MAX_QUERY_CHARS) {
        note('query', commandId, 'too-long', { queryLength: query.length });
        return extensionMessage(t(localeLanguage(input), 'ext.query.tooLong', { max: MAX_QUERY_CHARS }));
      }
      const result = await command(input, query, body);
      const count = result.composeExtension.type === 'result' ? result.composeExtension.attachments.length : 0;
      note('query', commandId, result.composeExtension.type, { count, queryLength: query.length });
      return result;
    },

    async selectItem({ input, value }) {
      const item = record(value);
      const language = carriedLanguage(item['language'], input);
      if (item['kind'] === 'entry') {
        const entry = deps.knowledge.byId.get(text(item['entryId']));
        if (!entry) {
          note('selectItem', 'entry', 'not-found');
          return extensionMessage(t(language, 'ext.entry.gone'));
        }
        note('selectItem', 'entry', 'inserted');
        return insertCard(answerCardJson(entry, language, item['adminOpen'] === true), {
          title: entry[language].title,
          text: firstLine(entry[language].short),
        });
      }
      if (item['kind'] === 'ticket') {
        // Checked again: a forged selectItem must not show a ticket to someone outside L2.
        if (!deps.isL2(input)) {
          note('selectItem', 'ticket', 'refused');
          return extensionMessage(t(language, 'ext.tickets.refused'));
        }
        const ticket = await deps.tickets.get(text(item['ticketId']));
        if (!ticket) {
          note('selectItem', 'ticket', 'not-found');
          return extensionMessage(t(language, 'ext.tickets.gone'));
        }
        note('selectItem', 'ticket', 'inserted');
        const now = deps.now();
        const data = insertedL2Card(ticket, now, language, (card) =>
          Buffer.byteLength(
            JSON.stringify(render({ type: 'card', card: 'l2-ticket', data: card, language, summary: card.title })),
            'utf8',
          ),
        );
        return insertCard(
          render({ type: 'card', card: 'l2-ticket', data, language, summary: data.title }),
          ticketPreview(ticket, now, language),
        );
      }
      note('selectItem', 'unknown', 'unknown-item');
      return extensionMessage(t(localeLanguage(input), 'ext.entry.gone'));
    },

    async fetchTask({ input, value }) {
      const body = record(value);
      const commandId = text(body['commandId']);
      if (commandId !== COMMAND_IDS.diagnoseMessage) {
        note('fetchTask', commandId.slice(0, 64), 'unknown-command');
        return taskMessage(t(localeLanguage(input), 'ext.command.unknown'));
      }
      const message = readMessagePayload(body['messagePayload']);
      if (!message) {
        note('fetchTask', commandId, 'no-text');
        return taskMessage(t(localeLanguage(input), 'ext.diagnose.noText'));
      }
      const reading = diagnoseMessage(deps.knowledge, deps.index, input, message);
      note('fetchTask', commandId, reading.kind, { queryLength: message.text.length + (message.html?.length ?? 0) });
      return readingDialog(reading);
    },

    async submitAction({ input, value }) {
      const body = record(value);
      const commandId = text(body['commandId']);
      if (commandId !== COMMAND_IDS.diagnoseMessage) {
        note('submitAction', commandId.slice(0, 64), 'unknown-command');
        return extensionMessage(t(localeLanguage(input), 'ext.command.unknown'));
      }
      const data = record(body['data']);
      const language = carriedLanguage(data['language'], input);
      const adminOpen = data['view'] === 'admin';
      switch (knownVerb(data['verb'])) {
        // A topic picked from the choices shown in the dialog: show its answer there.
        case 'choose-topic':
          note('submitAction', commandId, 'topic');
          return answerDialog(text(data['entryId']), language, adminOpen);
        case 'none-of-these': {
          note('submitAction', commandId, 'none');
          const card = render({
            type: 'card',
            card: 'not-found',
            data: { ...buildNotFoundCard(language), actions: [] },
            language,
            summary: '',
          });
          return taskCard(t(language, 'ext.diagnose.title'), card);
        }
        case INSERT_VERB: {
          if (data['kind'] === 'entry') {
            const entry = deps.knowledge.byId.get(text(data['entryId']));
            if (!entry) break;
            note('submitAction', commandId, 'inserted-answer');
            return insertCard(answerCardJson(entry, language, adminOpen), {
              title: entry[language].title,
              text: firstLine(entry[language].short),
            });
          }
          if (data['kind'] === 'diagnosis') {
            // The diagnosis is made again from the message Teams sends with the submit: nothing of the paste travels in
            // card data.
            const message = readMessagePayload(body['messagePayload']);
            const reading = message ? diagnoseMessage(deps.knowledge, deps.index, input, message) : undefined;
            if (reading?.kind !== 'diagnosis') {
              note('submitAction', commandId, 'diagnosis-gone');
              return taskMessage(t(language, 'ext.diagnose.gone'));
            }
            note('submitAction', commandId, 'inserted-diagnosis');
            return insertCard(render(reading.reply), { title: reading.reply.summary, text: '' });
          }
          break;
        }
        default:
          break;
      }
      note('submitAction', commandId, 'unknown-data');
      return taskMessage(t(language, 'ext.entry.gone'));
    },
  };
}
