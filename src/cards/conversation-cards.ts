/** Builds the welcome, help and topics card data (text from i18n, topics from knowledge). */

import type { Language } from '../i18n/language.js';
import { t, type MessageKey } from '../i18n/messages.js';
import { CATEGORIES, type KnowledgeBase } from '../knowledge/knowledge-entry.js';
import type { CardButton, HelpCardData, TopicsCardData, WelcomeCardData } from './card-data.js';

// Teams shows four buttons in a row on mobile without folding them into an overflow menu.
const BUTTONS_PER_ROW = 4;

const topicsButton = (language: Language): CardButton => ({ title: t(language, 'action.topics'), data: { verb: 'topics', language } });
const helpButton = (language: Language): CardButton => ({ title: t(language, 'action.help'), data: { verb: 'help', language } });

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
    examples: examples.map((key) => ({ title: t(language, key), data: { verb: 'ask', text: t(language, key), language } })),
    actions: [topicsButton(language)],
  };
}

/** Returns the topics card data: every entry as a button, grouped by category in catalogue order. */
export function buildTopicsCard(knowledge: KnowledgeBase, language: Language): TopicsCardData {
  return {
    title: t(language, 'topics.title'),
    groups: CATEGORIES.map((category) => {
      const buttons = knowledge.entries
        .filter((entry) => entry.category === category)
        .map((entry) => ({ title: entry[language].title, data: { verb: 'choose-topic', entryId: entry.id, language } }));
      const rows = [];
      for (let start = 0; start < buttons.length; start += BUTTONS_PER_ROW) rows.push({ buttons: buttons.slice(start, start + BUTTONS_PER_ROW) });
      return { title: t(language, `topics.group.${category}`), rows };
    }).filter((group) => group.rows.length > 0),
  };
}
