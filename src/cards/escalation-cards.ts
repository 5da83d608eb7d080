/** Builds the escalation form, the user's ticket card and the L2 ticket card. */

import { COLLECTION_SNIPPET } from '../diagnosis/collection-snippet.js';
import { FINDING_TEXT } from '../i18n/finding-messages.js';
import type { Language } from '../i18n/language.js';
import { countOf, t, type MessageKey } from '../i18n/messages.js';
import { IMPACTS, YES_NO_UNKNOWN, type EscalationForm, type Ticket } from '../escalation/ticket.js';
import type { FormField } from '../escalation/escalation-form.js';
import { knownManagement } from '../escalation/escalation-form.js';
import type { ConversationData } from '../routes/turn-input.js';
import { diagnose } from '../diagnosis/diagnose.js';
import type { EscalationFormCardData, L2CardData, TicketCardData } from './card-data.js';
import { factLine, factRows } from './diagnosis-card.js';
import { inertText } from './inert-text.js';

const FIELD_LABEL: Readonly<Record<FormField, MessageKey>> = {
  deviceName: 'escalation.device',
  tried: 'escalation.tried',
  impact: 'escalation.impact',
  mdeOnboarded: 'escalation.mde',
  intuneManaged: 'escalation.intune',
};
const MAX_PASTE_SHOWN = 1500;

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
    .map((field) => ({ id: field, label: t(language, FIELD_LABEL[field]), value: values[field] ?? 'unknown', choices: yesNo(language) }));
  return {
    title: t(language, 'escalation.formTitle'),
    intro: t(language, 'escalation.formIntro', {
      questions: countOf(language, 'question', conversation.questions.length),
      pastes: countOf(language, 'paste', conversation.pastes.length),
      findings: countOf(language, 'finding', diagnose(conversation.facts).findings.filter((finding) => finding.severity !== 'info').length),
    }),
    error: missing.length > 0 ? t(language, 'escalation.missing', { fields: missing.map((field) => t(language, FIELD_LABEL[field])).join(', ') }) : '',
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

/** Returns the user's ticket card: a message about the ticket, its state, and a reopen button once resolved. */
export function buildTicketCard(ticket: Ticket, message: string, language: Language): TicketCardData {
  return {
    title: t(language, 'ticket.title', { id: ticket.id }),
    message,
    facts: [{ title: t(language, 'l2.status'), value: t(language, `ticket.status.${ticket.status}`) }, ...formRows(ticket.form, language)].map(factLine),
    actions: ticket.status === 'resolved' ? [{ title: t(language, 'ticket.reopenButton'), data: { verb: 'ticket-reopen', ticketId: ticket.id, language } }] : [],
  };
}

/** Returns "3 h 5 min" style age of a ticket at `now`. */
export function formatAge(createdAt: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(createdAt)) / 60000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  return [days > 0 ? `${days} d` : '', hours > 0 ? `${hours} h` : '', `${minutes % 60} min`].filter(Boolean).join(' ');
}

const STATUS_STYLE = { open: 'attention', assigned: 'accent', 'waiting-for-user': 'warning', resolved: 'good' } as const;
const SEVERITY_ICON = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;

/** Returns the L2 card of a ticket at `now`: everything collected, and the actions that fit its state. */
export function buildL2Card(ticket: Ticket, now: Date, language: Language): L2CardData {
  const summary = ticket.summary;
  const facts = [
    { title: t(language, 'l2.requester'), value: inertText(ticket.requester.name ?? ticket.requester.id) },
    { title: t(language, 'l2.age'), value: formatAge(ticket.createdAt, now) },
    { title: t(language, 'l2.status'), value: t(language, `ticket.status.${ticket.status}`) },
    ...(ticket.assignee ? [{ title: t(language, 'l2.assignee'), value: inertText(ticket.assignee.name ?? ticket.assignee.id) }] : []),
    ...formRows(ticket.form, language),
  ];
  const sections = [
    { heading: t(language, 'l2.tried'), lines: [{ text: inertText(ticket.form.tried) }] },
    ...(ticket.infoRequest ? [{ heading: t(language, 'l2.infoRequest'), lines: [{ text: inertText(ticket.infoRequest) }] }] : []),
    ...(ticket.resolution ? [{ heading: t(language, 'l2.resolution'), lines: [{ text: inertText(ticket.resolution) }] }] : []),
    {
      heading: t(language, 'l2.findings'),
      lines: summary.findings.map((finding) => ({ text: `${SEVERITY_ICON[finding.severity]} ${FINDING_TEXT[finding.id]?.[language].title ?? finding.id}` })),
    },
    { heading: t(language, 'l2.facts'), lines: factRows(summary.facts).map((row) => ({ text: `${row.title}: ${row.value}` })) },
    {
      heading: t(language, 'l2.questions'),
      lines: summary.questions.map((question) => ({ text: `• ${inertText(question.text)} → ${question.kind}${question.entryIds[0] ? ` (${question.entryIds[0]})` : ''}` })),
    },
    { heading: t(language, 'l2.feedback'), lines: summary.feedback.map((item) => ({ text: `${item.helpful ? '👍' : '👎'} ${item.entryId}` })) },
  ].filter((section) => section.lines.length > 0);
  return {
    title: `🎫 ${t(language, 'ticket.title', { id: ticket.id })}`,
    statusStyle: STATUS_STYLE[ticket.status],
    facts: facts.map(factLine),
    sections,
    pastesLabel: t(language, 'l2.showPastes'),
    pastes: summary.pastes.map((paste) => ({ text: inertText(paste.text.length > MAX_PASTE_SHOWN ? `${paste.text.slice(0, MAX_PASTE_SHOWN)} …` : paste.text) })),
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
