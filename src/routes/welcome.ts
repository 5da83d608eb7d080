/** The welcome shown when the bot is installed into a chat or team. */

import { buildWelcomeCard } from '../cards/conversation-cards.js';
import type { Language } from '../i18n/language.js';
import { cardReply, type Reply } from './reply.js';

/** Returns the welcome replies in `language`. */
export function welcomeReplies(language: Language): readonly Reply[] {
  return [cardReply('welcome', buildWelcomeCard(language), language)];
}
