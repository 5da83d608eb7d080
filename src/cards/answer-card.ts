/** Builds the data of the answer, choices and not-found cards from knowledge and i18n (no botbuilder). */

import type { Language } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import type { KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import type { AnswerCardData, CardButton, ChoicesCardData, NotFoundCardData } from './card-data.js';

// Attention colour for warnings, accent for notes and tips (Teams renders both on desktop and mobile).
const WARNING_COLOR = { warning: 'Attention', important: 'Warning', note: 'Accent', tip: 'Accent' } as const;

/** The escalate button; `entryId` says which answer did not help. */
export function escalateButton(language: Language, entryId?: string): CardButton {
  return { title: t(language, 'action.escalate'), data: { verb: 'escalate', language, ...(entryId ? { entryId } : {}) } };
}

/** Returns the answer card data for `entry` in `language`; `related` resolves related ids to entries. */
export function buildAnswerCard(entry: KnowledgeEntry, language: Language, related: readonly KnowledgeEntry[] = []): AnswerCardData {
  const local = entry[language];
  return {
    entryId: entry.id,
    title: local.title,
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
      color: WARNING_COLOR[warning.level],
    })),
    linksHeading: t(language, 'answer.links'),
    links: local.links.map((link) => ({ title: link.title, url: link.url })),
    relatedHeading: t(language, 'answer.related'),
    related: related.slice(0, 4).map((item) => ({ title: item[language].title, data: { verb: 'choose-topic', entryId: item.id, language } })),
    helpfulPrompt: t(language, 'answer.helpful'),
    actions: [
      { title: t(language, 'feedback.up'), data: { verb: 'feedback', value: 'up', entryId: entry.id, language } },
      { title: t(language, 'feedback.down'), data: { verb: 'feedback', value: 'down', entryId: entry.id, language } },
      escalateButton(language, entry.id),
    ],
  };
}

/** Returns the "did you mean" card data offering `entries`. */
export function buildChoicesCard(entries: readonly KnowledgeEntry[], language: Language): ChoicesCardData {
  return {
    prompt: t(language, 'choices.prompt'),
    choices: entries.map((entry) => ({ title: entry[language].title, data: { verb: 'choose-topic', entryId: entry.id, language } })),
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
