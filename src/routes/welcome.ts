/** The welcome shown when the bot is installed into a chat or team. */

import type { Language } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import { cardReply, type Reply } from './reply.js';

/** Returns the welcome replies in `language`. */
export function welcomeReplies(language: Language): readonly Reply[] {
  return [
    cardReply('welcome', {
      title: t(language, 'welcome.title'),
      body: t(language, 'welcome.body'),
      example: t(language, 'welcome.example'),
    }),
  ];
}
