/**
 * What the bot records for knowledge authors: outcomes, feedback, unanswered questions, unpicked choices, escalations.
 */

import { createHash } from 'node:crypto';

import type { Language } from '../i18n/language.js';
import { normalizeForMatching } from '../matching/normalize-text.js';

export type AnalyticsEvent =
  | {
      readonly kind: 'turn';
      readonly at: string;
      readonly outcome: string;
      readonly entryId?: string;
      readonly language: Language;
    }
  | {
      readonly kind: 'feedback';
      readonly at: string;
      readonly entryId: string;
      readonly helpful: boolean;
      readonly language: Language;
      readonly questionHash?: string;
      readonly question?: string;
    }
  | {
      readonly kind: 'unanswered';
      readonly at: string;
      readonly language: Language;
      readonly questionHash: string;
      readonly question?: string;
    }
  | {
      readonly kind: 'choices-not-picked';
      readonly at: string;
      readonly offered: readonly string[];
      readonly language: Language;
    }
  | {
      readonly kind: 'escalation';
      readonly at: string;
      readonly ticketId: string;
      readonly entryIds: readonly string[];
      readonly findingIds: readonly string[];
    };

/** A stable hash of a question as matched (case, width and spacing do not matter); question text is not kept. */
export function questionHash(text: string): string {
  return createHash('sha256').update(normalizeForMatching(text)).digest('hex').slice(0, 16);
}

/** Returns the question fields of an event: always the hash, the text only when the operator allows it. */
export function questionFields(text: string, storeQuestions: boolean): { questionHash: string; question?: string } {
  return { questionHash: questionHash(text), ...(storeQuestions ? { question: text.slice(0, 500) } : {}) };
}
