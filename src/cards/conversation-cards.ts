/** Builds the welcome, help and topics card data (text from i18n, topics from knowledge). */

import type { Language } from '../i18n/language.js';
import { t, type MessageKey } from '../i18n/messages.js';
import { CATALOGUE_IDS } from '../knowledge/catalogue-ids.js';
import { CATEGORIES, type KnowledgeBase } from '../knowledge/knowledge-entry.js';
import type { CardButton, HelpCardData, TopicsCardData, WelcomeCardData } from './card-data.js';

const topicsButton = (language: Language): CardButton => ({
  title: t(language, 'action.topics'),
  data: { verb: 'topics', language },
});
const helpButton = (language: Language): CardButton => ({
  title: t(language, 'action.help'),
  data: { verb: 'help', language },
});

/** Returns the welcome card data. */
export function buildWelcomeCard(language: Language): WelcomeCardData {
  return {
    title: t(language, 'welcome.title'),
    body: t(language, 'welcome.body'),
    example: t(language, 'welcome.example'),
    buttons: [topicsButton(language), helpButton(language)],
  };
}

/** Returns the help card data: what the bot does, and example questions as buttons that ask them. */
export function buildHelpCard(language: Language): HelpCardData {
  const examples: MessageKey[] = ['help.example1', 'help.example2', 'help.example3'];
  return {
    title: t(language, 'help.title'),
    abilities: (['help.ask', 'help.paste', 'help.escalate'] as const).map((key) => ({ text: `• ${t(language, key)}` })),
    examplesHeading: t(language, 'help.examples'),
    examples: examples.map((key) => ({
      title: t(language, key),
      data: { verb: 'ask', text: t(language, key), language },
    })),
    actions: [topicsButton(language)],
  };
}

/** Position in the catalogue (the order the source article tells the story in); added entries come last. */
const catalogueOrder = (id: string): number => {
  const position = CATALOGUE_IDS.indexOf(id);
  return position < 0 ? CATALOGUE_IDS.length : position;
};

/** Returns the topics card data: every entry as a clickable row, grouped by category, in catalogue order. */
export function buildTopicsCard(knowledge: KnowledgeBase, language: Language): TopicsCardData {
  return {
    title: t(language, 'topics.title'),
    groups: CATEGORIES.map((category) => ({
      title: t(language, `topics.group.${category}`),
      topics: knowledge.entries
        .filter((entry) => entry.category === category)
        .sort((a, b) => catalogueOrder(a.id) - catalogueOrder(b.id) || a.id.localeCompare(b.id))
        .map((entry): CardButton => ({
          title: entry[language].title,
          data: { verb: 'choose-topic', entryId: entry.id, language },
        })),
    })).filter((group) => group.topics.length > 0),
  };
}
