/** Builds the clarifying-question card and the "your message also mentions" card (no botbuilder). */

import type { Language } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import type { KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import type { ChoicesCardData, TopicsCardData } from './card-data.js';

/**
 * Returns the card asking `host`'s clarifying question: one row per option whose entry is in `offered`, numbered "(1)"
 * (not "1.", which Teams' Markdown turns into a list), in
 * the knowledge's order (the number is what a typed number picks), each leading to its entry, and "I'm not sure",
 * which answers `host` itself.
 */
export function buildClarifyCard(
  host: KnowledgeEntry,
  offeredIds: readonly string[],
  language: Language,
): ChoicesCardData {
  const options = host.clarify?.options ?? [];
  const offered = options.filter((option) => offeredIds.includes(option.entry));
  return {
    prompt: host.clarify?.question[language] ?? '',
    choices: offered.map((option) => ({
      title: `(${options.indexOf(option) + 1}) ${option.label[language]}`,
      data: { verb: 'choose-topic', entryId: option.entry, language },
    })),
    noneLabel: t(language, 'clarify.notSure'),
    noneData: { verb: 'choose-topic', entryId: host.id, language },
  };
}

/**
 * Returns the card offering, as topic rows, the other problems a message raised (`also`) or the other cases it named
 * beside the one answered (`branches`: "Intune" names Intune with and without MDE).
 */
export function buildAlsoCard(
  entries: readonly KnowledgeEntry[],
  language: Language,
  kind: 'also' | 'branches' = 'also',
): TopicsCardData {
  return {
    title: t(language, `${kind}.title`),
    groups: [
      {
        title: t(language, `${kind}.group`),
        topics: entries.map((entry) => ({
          title: entry[language].title,
          data: { verb: 'choose-topic', entryId: entry.id, language },
        })),
      },
    ],
  };
}
