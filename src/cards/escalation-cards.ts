/** Builds the escalation form, the user's ticket card and the L2 ticket card. */

import { COLLECTION_SNIPPET } from '../diagnosis/collection-snippet.js';
import { FINDING_TEXT } from '../i18n/finding-messages.js';
import type { Language } from '../i18n/language.js';
import { countOf, t, type MessageKey } from '../i18n/messages.js';
import { IMPACTS, YES_NO_UNKNOWN, type EscalationForm, type Ticket, type TicketEvent } from '../escalation/ticket.js';
import type { FormField } from '../escalation/escalation-form.js';
import { knownManagement } from '../escalation/escalation-form.js';
import type { ConversationData } from '../routes/turn-input.js';
import { diagnose } from '../diagnosis/diagnose.js';
import type { EscalationFormCardData, L2CardData, TicketCardData } from './card-data.js';
import { factLine, factRows } from './diagnosis-card.js';
import { inertText } from './inert-text.js';
import { formatEventTime, historyItems } from './ticket-history.js';

const FIELD_LABEL: Readonly<Record<FormField, MessageKey>> = {
  deviceName: 'escalation.device',
  tried: 'escalation.tried',
  impact: 'escalation.impact',
  mdeOnboarded: 'escalation.mde',
  intuneManaged: 'escalation.intune',
};

/**
 * Largest L2 card, in bytes of JSON: Teams refuses messages over about 28 KB, and the activity around the card needs
 * room too.
 */
export const MAX_L2_CARD_BYTES = 27 * 1024;

/**
 * How much of a ticket the L2 card shows, from everything (level 0) to the least: history items shown, and clipped at;
 * older items folded behind a toggle, and clipped at; characters per raw paste; questions listed, and clipped at;
 * characters of "what was tried". The first level whose card fits MAX_L2_CARD_BYTES is used. The raw pastes and the
 * conversation's questions (also in storage and `npm run tickets -- show`) give way first; the history, which is what
 * L2 scans the channel for, last.
 */
const L2_CARD_LEVELS = [
  {
    shown: 6,
    shownChars: 600,
    folded: 20,
    foldedChars: 300,
    pasteChars: 1500,
    questions: 10,
    questionChars: 500,
    triedChars: 2000,
  },
  {
    shown: 6,
    shownChars: 600,
    folded: 20,
    foldedChars: 200,
    pasteChars: 600,
    questions: 10,
    questionChars: 200,
    triedChars: 1000,
  },
  {
    shown: 5,
    shownChars: 400,
    folded: 15,
    foldedChars: 150,
    pasteChars: 300,
    questions: 5,
    questionChars: 150,
    triedChars: 600,
  },
  {
    shown: 4,
    shownChars: 300,
    folded: 10,
    foldedChars: 120,
    pasteChars: 0,
    questions: 3,
    questionChars: 100,
    triedChars: 400,
  },
  {
    shown: 3,
    shownChars: 200,
    folded: 5,
    foldedChars: 100,
    pasteChars: 0,
    questions: 0,
    questionChars: 0,
    triedChars: 300,
  },
  {
    shown: 2,
    shownChars: 150,
    folded: 0,
    foldedChars: 0,
    pasteChars: 0,
    questions: 0,
    questionChars: 0,
    triedChars: 200,
  },
] as const;

const clipTo = (text: string, chars: number): string => (text.length > chars ? `${text.slice(0, chars)} …` : text);

const yesNo = (language: Language) => YES_NO_UNKNOWN.map((value) => ({ title: t(language, `choice.${value}`), value }));

/** Returns the form card; `missing` and `values` re-show a rejected submission with what was typed. */
export function buildEscalationFormCard(
  conversation: ConversationData,
  draftId: string,
  language: Language,
  missing: readonly FormField[] = [],
  values: Readonly<Partial<Record<FormField, string>>> = {},
): EscalationFormCardData {
  const known = knownManagement(conversation.facts);
  const questions = (['mdeOnboarded', 'intuneManaged'] as const)
    .filter((field) => known[field] === undefined)
    .map((field) => ({
      id: field,
      label: t(language, FIELD_LABEL[field]),
      value: values[field] ?? 'unknown',
      choices: yesNo(language),
    }));
  return {
    title: t(language, 'escalation.formTitle'),
    intro: t(language, 'escalation.formIntro', {
      questions: countOf(language, 'question', conversation.questions.length),
      pastes: countOf(language, 'paste', conversation.pastes.length),
      findings: countOf(
        language,
        'finding',
        diagnose(conversation.facts).findings.filter((finding) => finding.severity !== 'info').length,
      ),
    }),
    error:
      missing.length > 0
        ? t(language, 'escalation.missing', {
            fields: missing.map((field) => t(language, FIELD_LABEL[field])).join(', '),
          })
        : '',
    deviceLabel: t(language, 'escalation.device'),
    deviceValue: values.deviceName ?? '',
    triedLabel: t(language, 'escalation.tried'),
    triedValue: values.tried ?? '',
    impactLabel: t(language, 'escalation.impact'),
    impactValue: values.impact ?? 'medium',
    impacts: IMPACTS.map((impact) => ({ title: t(language, `impact.${impact}`), value: impact })),
    questions,
    snippetTip: t(language, 'escalation.snippetTip'),
    snippet: COLLECTION_SNIPPET.split('\n').map((text) => ({ text })),
    submit: { title: t(language, 'escalation.submit'), data: { verb: 'escalate-submit', draftId, language } },
  };
}

/** The form's answers as FactSet rows. */
function formRows(form: EscalationForm, language: Language): Array<{ title: string; value: string }> {
  return [
    { title: t(language, 'l2.device'), value: inertText(form.deviceName) },
    { title: t(language, 'l2.impact'), value: t(language, `impact.${form.impact}`) },
    { title: t(language, 'l2.mde'), value: t(language, `choice.${form.mdeOnboarded}`) },
    { title: t(language, 'l2.intune'), value: t(language, `choice.${form.intuneManaged}`) },
  ];
}

/**
 * What a ticket card tells the user besides the ticket's state: the message, L2's words set apart, and what to do next.
 */
export interface TicketNotice {
  readonly message: string;
  readonly quote?: string;
  readonly hint?: string;
}

/** How a user's ticket card is built: as an older card updated in place at `updatedAt`, or without buttons. */
export interface TicketCardOptions {
  readonly updatedAt?: Date;
  /** False for cards the bot cannot update later (a turn's reply: its id is not kept), so none keeps a stale button. */
  readonly buttons?: boolean;
}

/**
 * Returns the user's ticket card: a message about the ticket, its state, and a reopen button once resolved. With
 * `updatedAt`, the card is an older one updated in place: it says what the state is now and has no buttons.
 */
export function buildTicketCard(
  ticket: Ticket,
  notice: string | TicketNotice,
  language: Language,
  options: TicketCardOptions = {},
): TicketCardData {
  const { updatedAt, buttons = true } = options;
  const { message, quote = '', hint = '' } = typeof notice === 'string' ? { message: notice } : notice;
  const status = t(language, `ticket.status.${ticket.status}`);
  return {
    title: t(language, 'ticket.title', { id: ticket.id }),
    message,
    quote: inertText(quote),
    hint,
    update: updatedAt
      ? t(language, 'ticket.superseded', { time: formatEventTime(updatedAt.toISOString()), status })
      : '',
    facts: [{ title: t(language, 'l2.status'), value: status }, ...formRows(ticket.form, language)].map(factLine),
    actions:
      ticket.status === 'resolved' && buttons && !updatedAt
        ? [
            {
              title: t(language, 'ticket.reopenButton'),
              data: { verb: 'ticket-reopen', ticketId: ticket.id, language },
            },
          ]
        : [],
  };
}

/** Where a change was made: by L2 (the ticket card, an allowed L2 member) or by the requester in their own chat. */
export type ChangeOrigin = 'l2' | 'requester';

/**
 * Returns what the requester is told about `event` in their language, or undefined when it is not news to them (their
 * own answer or reopen, which their turn's reply confirms; creation and delivery, told when they submitted). The
 * origin decides, not the person: in a small team (and in the emulator) the requester may be L2 too.
 */
export function ticketNotice(ticket: Ticket, event: TicketEvent, origin: ChangeOrigin): TicketNotice | undefined {
  const language = ticket.language;
  const name = inertText(event.by.name ?? event.by.id);
  const id = ticket.id;
  switch (event.kind) {
    case 'assigned':
      return { message: t(language, 'ticket.assigned', { name, id }) };
    case 'info-requested':
      return {
        message: t(language, 'ticket.infoRequested', { id }),
        quote: event.note ?? '',
        hint: t(language, 'ticket.replyHint'),
      };
    case 'resolved':
      return { message: t(language, 'ticket.resolved', { id }), quote: event.note ?? '' };
    case 'reopened':
      return origin === 'requester'
        ? undefined
        : { message: t(language, 'ticket.reopenedByL2', { name, id }), quote: event.note ?? '' };
    default:
      return undefined;
  }
}

/** Returns "3 h 5 min" style age of a ticket at `now`. */
export function formatAge(createdAt: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(createdAt)) / 60000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  return [days > 0 ? `${days} d` : '', hours > 0 ? `${hours} h` : '', `${minutes % 60} min`].filter(Boolean).join(' ');
}

const STATUS_STYLE = {
  open: 'attention',
  assigned: 'accent',
  'waiting-for-user': 'warning',
  resolved: 'good',
} as const;
const SEVERITY_ICON = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;

/**
 * Returns the L2 card of a ticket at `now`: its state, its history newest first, everything collected, and the actions
 * that fit its state. `level` (0: everything) shows less for tickets whose card would be too large (see fitL2Card).
 */
export function buildL2Card(ticket: Ticket, now: Date, language: Language, level = 0): L2CardData {
  const fit = L2_CARD_LEVELS[Math.min(Math.max(0, level), L2_CARD_LEVELS.length - 1)] ?? L2_CARD_LEVELS[0];
  const summary = ticket.summary;
  const history = historyItems(ticket, now, language, fit.shownChars, formatAge);
  const older = history.slice(fit.shown);
  const folded =
    fit.folded > 0
      ? historyItems(ticket, now, language, fit.foldedChars, formatAge).slice(fit.shown, fit.shown + fit.folded)
      : [];
  const omitted = older.length - folded.length;
  const facts = [
    { title: t(language, 'l2.requester'), value: inertText(ticket.requester.name ?? ticket.requester.id) },
    { title: t(language, 'l2.age'), value: formatAge(ticket.createdAt, now) },
    { title: t(language, 'l2.status'), value: t(language, `ticket.status.${ticket.status}`) },
    ...(ticket.assignee
      ? [{ title: t(language, 'l2.assignee'), value: inertText(ticket.assignee.name ?? ticket.assignee.id) }]
      : []),
    ...formRows(ticket.form, language),
  ];
  const sections = [
    { heading: t(language, 'l2.tried'), lines: [{ text: inertText(clipTo(ticket.form.tried, fit.triedChars)) }] },
    {
      heading: t(language, 'l2.findings'),
      lines: summary.findings.map((finding) => ({
        text: `${SEVERITY_ICON[finding.severity]} ${FINDING_TEXT[finding.id]?.[language].title ?? finding.id}`,
      })),
    },
    {
      heading: t(language, 'l2.facts'),
      lines: factRows(summary.facts).map((row) => ({ text: `${row.title}: ${row.value}` })),
    },
    {
      heading: t(language, 'l2.questions'),
      lines: summary.questions.slice(Math.max(0, summary.questions.length - fit.questions)).map((question) => ({
        text: `• ${inertText(clipTo(question.text, fit.questionChars))} → ${question.kind}${question.entryIds[0] ? ` (${question.entryIds[0]})` : ''}`,
      })),
    },
    {
      heading: t(language, 'l2.feedback'),
      lines: summary.feedback.map((item) => ({ text: `${item.helpful ? '👍' : '👎'} ${item.entryId}` })),
    },
  ].filter((section) => section.lines.length > 0);
  return {
    title: `🎫 ${t(language, 'ticket.title', { id: ticket.id })}`,
    statusStyle: STATUS_STYLE[ticket.status],
    facts: facts.map(factLine),
    historyHeading: t(language, 'l2.history'),
    history: history.slice(0, fit.shown),
    earlierLabel: t(language, 'l2.event.earlier', { count: folded.length }),
    earlier: folded,
    omitted: omitted > 0 ? t(language, 'l2.event.omitted', { count: omitted, id: ticket.id }) : '',
    sections,
    pastesLabel: t(language, 'l2.showPastes'),
    pastes:
      fit.pasteChars === 0
        ? []
        : summary.pastes.map((paste) => ({ text: inertText(clipTo(paste.text, fit.pasteChars)) })),
    ticketId: ticket.id,
    canAssign: ticket.status !== 'resolved' && ticket.assignee === undefined,
    canAct: ticket.status !== 'resolved',
    canReopen: ticket.status === 'resolved',
    labels: {
      assign: t(language, 'l2.assign'),
      ask: t(language, 'l2.ask'),
      askPlaceholder: t(language, 'l2.askPlaceholder'),
      send: t(language, 'l2.send'),
      resolve: t(language, 'l2.resolve'),
      resolvePlaceholder: t(language, 'l2.resolvePlaceholder'),
      reopen: t(language, 'l2.reopen'),
    },
  };
}

/**
 * Returns the L2 card data of the first level whose card fits `budget` bytes as measured by `measure` (the rendered
 * card's JSON size, supplied by the caller that renders), or the smallest level.
 */
export function fitL2Card(
  ticket: Ticket,
  now: Date,
  language: Language,
  measure: (data: L2CardData) => number,
  budget = MAX_L2_CARD_BYTES,
): L2CardData {
  let data = buildL2Card(ticket, now, language, 0);
  for (let level = 1; level < L2_CARD_LEVELS.length && measure(data) > budget; level += 1)
    data = buildL2Card(ticket, now, language, level);
  return data;
}
