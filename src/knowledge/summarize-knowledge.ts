/** Counts what the knowledge base holds, for `npm run kb:check` and the readiness probe. */

import { LANGUAGES, type Language } from '../i18n/language.js';
import type { KnowledgeBase } from './knowledge-entry.js';

export interface LanguageSummary {
  readonly entries: number;
  readonly questions: number;
  readonly keywords: number;
  readonly steps: number;
  readonly warnings: number;
  readonly links: number;
}

export interface KnowledgeSummary {
  readonly entries: number;
  readonly commands: number;
  readonly adminCommands: number;
  readonly errorCodes: number;
  readonly eventIds: number;
  readonly byCategory: Readonly<Record<string, number>>;
  readonly byLanguage: Readonly<Record<Language, LanguageSummary>>;
}

/** Returns the counts of `knowledge`. */
export function summarizeKnowledge(knowledge: KnowledgeBase): KnowledgeSummary {
  const { entries } = knowledge;
  const sum = (count: (entry: (typeof entries)[number]) => number): number =>
    entries.reduce((total, entry) => total + count(entry), 0);
  const byCategory: Record<string, number> = {};
  for (const entry of entries) byCategory[entry.category] = (byCategory[entry.category] ?? 0) + 1;
  const language = (lang: Language): LanguageSummary => ({
    entries: entries.filter((entry) => entry[lang].title !== '').length,
    questions: sum((entry) => entry[lang].questions.length),
    keywords: sum((entry) => entry[lang].keywords.length),
    steps: sum((entry) => entry[lang].steps.length),
    warnings: sum((entry) => entry[lang].warnings.length),
    links: sum((entry) => entry[lang].links.length),
  });
  return {
    entries: entries.length,
    commands: sum((entry) => entry.commands.length),
    adminCommands: sum((entry) => entry.commands.filter((command) => command.admin).length),
    errorCodes: sum((entry) => entry.errorCodes.length),
    eventIds: sum((entry) => entry.eventIds.length),
    byCategory,
    byLanguage: Object.fromEntries(LANGUAGES.map((lang) => [lang, language(lang)])) as Record<
      Language,
      LanguageSummary
    >,
  };
}

/** Returns the summary as the lines `kb:check` prints. */
export function formatSummary(summary: KnowledgeSummary): string[] {
  const lines = [
    `entries: ${summary.entries} (${Object.entries(summary.byCategory)
      .map(([category, count]) => `${category} ${count}`)
      .join(', ')})`,
    `commands: ${summary.commands} (${summary.adminCommands} need admin)`,
    `error codes owned: ${summary.errorCodes}, event ids owned: ${summary.eventIds}`,
  ];
  for (const lang of LANGUAGES) {
    const counts = summary.byLanguage[lang];
    lines.push(
      `${lang}: ${counts.entries} entries, ${counts.questions} sample questions, ${counts.keywords} keywords, ${counts.steps} steps, ${counts.warnings} warnings, ${counts.links} links`,
    );
  }
  return lines;
}
