/** The shape of one knowledge entry (one `knowledge/<id>.yaml` file) after validation. */

import type { Language } from '../i18n/language.js';

export const CATEGORIES = ['cloud-protection', 'connectivity', 'tamper-protection', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const SHELLS = ['cmd', 'powershell'] as const;
export type Shell = (typeof SHELLS)[number];

export const WARNING_LEVELS = ['warning', 'important', 'note', 'tip'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/** A command shown character for character, with what it does in each language. */
export interface KnowledgeCommand {
  readonly id: string;
  readonly text: string;
  readonly shell: Shell;
  readonly admin: boolean;
  readonly purpose: Readonly<Record<Language, string>>;
}

export interface KnowledgeWarning {
  readonly level: WarningLevel;
  readonly text: string;
}

export interface KnowledgeLink {
  readonly title: string;
  readonly url: string;
}

/** The text of an entry in one language. */
export interface LocalizedEntry {
  readonly title: string;
  /**
   * The plain-language answer for the person who asked: what it means for them, what to do now, when to ask for help.
   */
  readonly short: string;
  /** The answer for IT administrators (shown with the steps, commands and links). */
  readonly answer: string;
  readonly steps: readonly string[];
  readonly warnings: readonly KnowledgeWarning[];
  readonly links: readonly KnowledgeLink[];
  readonly questions: readonly string[];
  readonly keywords: readonly string[];
}

/** One answer to a clarifying question: the entry it leads to, and what a user may type to pick it. */
export interface ClarifyOption {
  readonly entry: string;
  readonly label: Readonly<Record<Language, string>>;
  /** Words or phrases (either language) that name this option in a message or a typed reply; the label always does. */
  readonly match: readonly string[];
  /** Short words that pick this option only as a reply to the question ("yes", "いいえ"). */
  readonly reply: readonly string[];
}

/**
 * A question the bot asks before answering this entry, when the knowledge splits on something only the user knows
 * (how the device is managed, which error code the test printed ...).
 */
export interface Clarification {
  /**
   * Concept ids (see matching/concepts.ts) of which the message must name one for the question to be asked; empty:
   * always.
   */
  readonly when: readonly string[];
  readonly question: Readonly<Record<Language, string>>;
  readonly options: readonly ClarifyOption[];
  /**
   * A message that already names one option: `branch` answers that option's entry ("fails with another code");
   * `keep` keeps the asking entry's answer, because it covers every branch ("won't turn on, we use Intune").
   */
  readonly whenNamed: 'branch' | 'keep';
}

/** One validated knowledge entry. */
export interface KnowledgeEntry {
  readonly id: string;
  readonly category: Category;
  readonly related: readonly string[];
  /** HRESULTs this entry owns, `0x` + 8 upper-case hex digits. */
  readonly errorCodes: readonly string[];
  readonly eventIds: readonly number[];
  /** Defender property or registry value names this entry owns. */
  readonly properties: readonly string[];
  readonly commands: readonly KnowledgeCommand[];
  /** Asked before answering when the message does not say which branch applies. */
  readonly clarify?: Clarification;
  readonly ja: LocalizedEntry;
  readonly en: LocalizedEntry;
}

/** A topic the bot must not answer (knowledge/out-of-scope.yaml), with phrases users write about it. */
export interface OutOfScopeTopic {
  readonly id: string;
  readonly phrases: Readonly<Record<Language, readonly string[]>>;
}

/** The file that lists out-of-scope topics instead of an entry. */
export const OUT_OF_SCOPE_FILE = 'out-of-scope.yaml';

/** The validated knowledge base, in id order. */
export interface KnowledgeBase {
  readonly entries: readonly KnowledgeEntry[];
  readonly byId: ReadonlyMap<string, KnowledgeEntry>;
  readonly outOfScope: readonly OutOfScopeTopic[];
}
