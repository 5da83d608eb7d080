/** Builds the data of the answer, choices and not-found cards from knowledge and i18n (no botbuilder). */

import type { Language } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import type { KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import type { AnswerCardData, ChoicesCardData, NotFoundCardData } from './card-data.js';

// Attention colour for warnings, accent for notes and tips (Teams renders both on desktop and mobile).
const WARNING_COLOR = { warning: 'Attention', important: 'Warning', note: 'Accent', tip: 'Accent' } as const;

/** Returns the answer card data for `entry` in `language`. */
export function buildAnswerCard(entry: KnowledgeEntry, language: Language): AnswerCardData {
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
  };
}

/** Returns the "did you mean" card data offering `entries`. */
export function buildChoicesCard(entries: readonly KnowledgeEntry[], language: Language): ChoicesCardData {
  return {
    prompt: t(language, 'choices.prompt'),
    choices: entries.map((entry) => ({ title: entry[language].title, data: { verb: 'choose-topic', entryId: entry.id, language } })),
    noneLabel: t(language, 'choices.none'),
    noneData: { verb: 'none-of-these', language },
  };
}

/** Returns the not-found card data. */
export function buildNotFoundCard(language: Language): NotFoundCardData {
  return { title: t(language, 'notFound.title'), body: t(language, 'notFound.body'), tips: t(language, 'notFound.tips') };
}
