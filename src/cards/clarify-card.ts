/** Builds the clarifying-question card and the "your message also mentions" card (no botbuilder). */

import type { Language } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import type { KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import type { ChoicesCardData, TopicsCardData } from './card-data.js';

/**
 * Returns the card asking `host`'s clarifying question: one button per option (in `order`, best first; options whose
 * entry is not in `order` are left out) leading to its entry, and "I'm not sure", which answers `host` itself.
 */
export function buildClarifyCard(host: KnowledgeEntry, order: readonly string[], language: Language): ChoicesCardData {
  const options = host.clarify?.options ?? [];
  const offered = order.flatMap((id) => options.filter((option) => option.entry === id));
  return {
    prompt: host.clarify?.question[language] ?? '',
    choices: offered.map((option) => ({ title: option.label[language], data: { verb: 'choose-topic', entryId: option.entry, language } })),
    noneLabel: t(language, 'clarify.notSure'),
    noneData: { verb: 'choose-topic', entryId: host.id, language },
  };
}

/** Returns the card offering the other problems a message raised, as topic rows. */
export function buildAlsoCard(entries: readonly KnowledgeEntry[], language: Language): TopicsCardData {
  return {
    title: t(language, 'also.title'),
    groups: [{ title: t(language, 'also.group'), topics: entries.map((entry) => ({ title: entry[language].title, data: { verb: 'choose-topic', entryId: entry.id, language } })) }],
  };
}
