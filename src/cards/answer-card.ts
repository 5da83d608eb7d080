/** Builds the data of the answer, choices and not-found cards from knowledge and i18n (no botbuilder). */

import type { Language } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import type { KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import type { AnswerCardData, CardButton, ChoicesCardData, LinkRow, NotFoundCardData } from './card-data.js';

// Container style per warning level: a tinted box with a bold label reads in light, dark and high-contrast themes.
const WARNING_STYLE = { warning: 'attention', important: 'warning', note: 'emphasis', tip: 'accent' } as const;

/** The escalate button; `entryId` says which answer did not help. */
export function escalateButton(language: Language, entryId?: string): CardButton {
  return {
    title: t(language, 'action.escalate'),
    data: { verb: 'escalate', language, ...(entryId ? { entryId } : {}) },
  };
}

/** Returns a link as one Markdown row (brackets in the title would end the link text early). */
function linkRow(title: string, url: string): LinkRow {
  return { text: `[${title.replace(/\[/gu, '(').replace(/\]/gu, ')')}](${url})` };
}

/** How the answer card opens: `adminOpen` unfolds the part for IT administrators (helpdesk asked). */
export interface AnswerOptions {
  readonly adminOpen: boolean;
}

/** Returns the answer card data for `entry` in `language`; `related` resolves related ids to entries. */
export function buildAnswerCard(
  entry: KnowledgeEntry,
  language: Language,
  related: readonly KnowledgeEntry[] = [],
  options: AnswerOptions = { adminOpen: false },
): AnswerCardData {
  const local = entry[language];
  return {
    entryId: entry.id,
    title: local.title,
    short: local.short,
    adminToggle: t(language, 'answer.adminToggle'),
    adminOpen: options.adminOpen,
    adminHeading: t(language, 'answer.adminHeading'),
    answer: local.answer,
    stepsHeading: t(language, 'answer.steps'),
    steps: local.steps.map((text, index) => ({ number: `${index + 1}.`, text })),
    commandsHeading: t(language, 'answer.commands'),
    commands: entry.commands.map((command) => ({
      text: command.text,
      label: `${t(language, command.shell === 'cmd' ? 'shell.cmd' : 'shell.powershell')}${command.admin ? ` · ${t(language, 'answer.admin')}` : ''}`,
      purpose: command.purpose[language],
    })),
    // The level label is bold Markdown in front of the knowledge text (both trusted: i18n and knowledge files).
    warnings: local.warnings.map((warning) => ({
      text: `**${t(language, `warning.${warning.level}`)}:** ${warning.text}`,
      style: WARNING_STYLE[warning.level],
    })),
    linksHeading: t(language, 'answer.links'),
    links: local.links.map((link) => linkRow(link.title, link.url)),
    relatedHeading: t(language, 'answer.related'),
    related: related
      .slice(0, 4)
      .map((item) => ({ title: item[language].title, data: topicData(item.id, language, options.adminOpen) })),
    helpfulPrompt: t(language, 'answer.helpful'),
    actions: [
      { title: t(language, 'feedback.up'), data: { verb: 'feedback', value: 'up', entryId: entry.id, language } },
      { title: t(language, 'feedback.down'), data: { verb: 'feedback', value: 'down', entryId: entry.id, language } },
      escalateButton(language, entry.id),
    ],
  };
}

/** The data of a button that opens an entry; `view: 'admin'` keeps the admin part open for helpdesk. */
function topicData(entryId: string, language: Language, adminOpen: boolean): CardButton['data'] {
  return { verb: 'choose-topic', entryId, language, ...(adminOpen ? { view: 'admin' } : {}) };
}

/**
 * Returns the "did you mean" card data offering `entries`; `adminOpen` carries helpdesk's view to the answer picked.
 */
export function buildChoicesCard(
  entries: readonly KnowledgeEntry[],
  language: Language,
  adminOpen = false,
): ChoicesCardData {
  return {
    prompt: t(language, 'choices.prompt'),
    choices: entries.map((entry) => ({ title: entry[language].title, data: topicData(entry.id, language, adminOpen) })),
    noneLabel: t(language, 'choices.none'),
    noneData: { verb: 'none-of-these', language, offered: entries.map((entry) => entry.id).join(',') },
  };
}

/** Returns the not-found card data. */
export function buildNotFoundCard(language: Language): NotFoundCardData {
  return {
    title: t(language, 'notFound.title'),
    body: t(language, 'notFound.body'),
    tips: t(language, 'notFound.tips'),
    actions: [{ title: t(language, 'action.topics'), data: { verb: 'topics', language } }, escalateButton(language)],
  };
}
