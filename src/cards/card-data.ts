/** The typed data model of each card template in `cards/`. */

import type { CardVerb } from './card-verbs.js';

/** A card button: its label and the Action.Submit data (always with a verb). */
export interface CardButton {
  readonly title: string;
  readonly data: ActionData;
}

export interface WelcomeCardData {
  readonly title: string;
  readonly body: string;
  readonly example: string;
  readonly buttons: readonly CardButton[];
}

/** Data of a card button (Action.Submit): every action carries a verb. */
export interface ActionData {
  readonly verb: CardVerb;
  readonly [field: string]: string;
}

/**
 * A bold label and text on a tinted container (Teams renders container styles on desktop and mobile; coloured text
 * reads badly).
 */
export interface CalloutData {
  readonly text: string;
  readonly style: 'attention' | 'warning' | 'emphasis' | 'accent' | 'good' | 'default';
}

/** A fact as one wrapped line with a bold name. */
export interface FactLine {
  readonly text: string;
}

/** A link shown as a wrapped Markdown row: long titles wrap instead of being cut like button titles. */
export interface LinkRow {
  readonly text: string;
}

export interface AnswerCardData {
  readonly entryId: string;
  readonly title: string;
  /** The plain-language answer for the person who asked, shown first. */
  readonly short: string;
  /** Label of the toggle that shows or hides the admin part. */
  readonly adminToggle: string;
  /** The admin part starts open for helpdesk (a paste, a command, an error code, or L2), folded for everyone else. */
  readonly adminOpen: boolean;
  readonly adminHeading: string;
  readonly answer: string;
  readonly stepsHeading: string;
  readonly steps: ReadonlyArray<{ readonly number: string; readonly text: string }>;
  readonly commandsHeading: string;
  readonly commands: ReadonlyArray<{ readonly text: string; readonly label: string; readonly purpose: string }>;
  readonly warnings: readonly CalloutData[];
  readonly linksHeading: string;
  readonly links: readonly LinkRow[];
  readonly relatedHeading: string;
  readonly related: readonly CardButton[];
  readonly helpfulPrompt: string;
  /** 👍, 👎 and escalate. */
  readonly actions: readonly CardButton[];
}

export interface ChoicesCardData {
  readonly prompt: string;
  readonly choices: ReadonlyArray<{ readonly title: string; readonly data: ActionData }>;
  readonly noneLabel: string;
  readonly noneData: ActionData;
}

export interface NotFoundCardData {
  readonly title: string;
  readonly body: string;
  readonly tips: string;
  readonly actions: readonly CardButton[];
}

export interface TopicsCardData {
  readonly title: string;
  /** One group per category; each topic is a clickable row (long titles wrap instead of being cut like buttons). */
  readonly groups: ReadonlyArray<{ readonly title: string; readonly topics: readonly CardButton[] }>;
}

export interface HelpCardData {
  readonly title: string;
  readonly abilities: ReadonlyArray<{ readonly text: string }>;
  readonly examplesHeading: string;
  readonly examples: readonly CardButton[];
  readonly actions: readonly CardButton[];
}

export interface DiagnosisCardData {
  readonly title: string;
  readonly summary: string;
  readonly factsHeading: string;
  /** One "**name:** value" line per fact: a FactSet breaks long property names mid-word in its narrow title column. */
  readonly facts: readonly FactLine[];
  readonly findings: ReadonlyArray<{
    readonly title: string;
    readonly next: string;
    /** The command to run next, or empty. */
    readonly command: string;
    readonly style: CalloutData['style'];
  }>;
  readonly nextStepHeading: string;
  /** When nothing is wrong: the entry for the next check (zero or one row), so "what next?" always has an answer. */
  readonly nextStep: readonly CardButton[];
  readonly entriesHeading: string;
  /** Entries to open, as wrapped rows (entry titles are too long for buttons). */
  readonly entries: readonly CardButton[];
  /** What to paste next; each command line is its own TextBlock (Markdown would join lines). */
  readonly hints: ReadonlyArray<{ readonly text: string; readonly lines: ReadonlyArray<{ readonly text: string }> }>;
  readonly actions: readonly CardButton[];
}

export interface ChoiceOption {
  readonly title: string;
  readonly value: string;
}

export interface EscalationFormCardData {
  readonly title: string;
  readonly intro: string;
  readonly error: string;
  readonly deviceLabel: string;
  readonly deviceValue: string;
  readonly triedLabel: string;
  readonly triedValue: string;
  readonly impactLabel: string;
  readonly impactValue: string;
  readonly impacts: readonly ChoiceOption[];
  /** Management questions the facts did not answer (the others are not asked). */
  readonly questions: ReadonlyArray<{
    readonly id: string;
    readonly label: string;
    readonly value: string;
    readonly choices: readonly ChoiceOption[];
  }>;
  readonly snippetTip: string;
  /** One line per TextBlock: Markdown would join the lines of one block. */
  readonly snippet: ReadonlyArray<{ readonly text: string }>;
  readonly submit: CardButton;
}

export interface TicketCardData {
  readonly title: string;
  readonly message: string;
  /** What L2 wrote (their question, their note), set apart from the message; empty when none. */
  readonly quote: string;
  /** What the user can do next (answer L2's question); empty when nothing. */
  readonly hint: string;
  /** On a card updated in place after a newer one was sent: what the ticket's state is now; empty otherwise. */
  readonly update: string;
  readonly facts: readonly FactLine[];
  readonly actions: readonly CardButton[];
}

export interface L2CardData {
  readonly title: string;
  /** Container style of the title band, by ticket status. */
  readonly statusStyle: CalloutData['style'];
  readonly facts: readonly FactLine[];
  readonly historyHeading: string;
  /** The newest changes, newest first; each item is lines of "when · who did what" (subtle) and what they wrote. */
  readonly history: ReadonlyArray<{
    readonly lines: ReadonlyArray<{ readonly text: string; readonly subtle: boolean }>;
  }>;
  /** Older changes, folded behind a toggle labelled `earlierLabel`. */
  readonly earlierLabel: string;
  readonly earlier: ReadonlyArray<{
    readonly lines: ReadonlyArray<{ readonly text: string; readonly subtle: boolean }>;
  }>;
  /** Says how many still older changes are left off the card (empty when none). */
  readonly omitted: string;
  readonly sections: ReadonlyArray<{
    readonly heading: string;
    readonly lines: ReadonlyArray<{ readonly text: string }>;
  }>;
  readonly pastesLabel: string;
  readonly pastes: ReadonlyArray<{ readonly text: string }>;
  readonly ticketId: string;
  readonly canAssign: boolean;
  readonly canAct: boolean;
  readonly canReopen: boolean;
  readonly labels: {
    readonly assign: string;
    readonly ask: string;
    readonly askPlaceholder: string;
    readonly send: string;
    readonly resolve: string;
    readonly resolvePlaceholder: string;
    readonly reopen: string;
  };
}

/** Maps each template name (file `cards/<name>.json`) to the data it is expanded with. */
export interface CardDataMap {
  readonly welcome: WelcomeCardData;
  readonly answer: AnswerCardData;
  readonly choices: ChoicesCardData;
  readonly 'not-found': NotFoundCardData;
  readonly diagnosis: DiagnosisCardData;
  readonly topics: TopicsCardData;
  readonly help: HelpCardData;
  readonly 'escalation-form': EscalationFormCardData;
  readonly ticket: TicketCardData;
  readonly 'l2-ticket': L2CardData;
}

export type CardName = keyof CardDataMap;

/** Every template the bot needs; start-up fails when one is missing. */
export const CARD_NAMES: readonly CardName[] = Object.freeze([
  'welcome',
  'answer',
  'choices',
  'not-found',
  'diagnosis',
  'topics',
  'help',
  'escalation-form',
  'ticket',
  'l2-ticket',
]);
