/** The typed data model of each card template in `cards/`. */

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
  readonly verb: string;
  readonly [field: string]: string;
}

export interface AnswerCardData {
  readonly entryId: string;
  readonly title: string;
  readonly answer: string;
  readonly stepsHeading: string;
  readonly steps: ReadonlyArray<{ readonly number: string; readonly text: string }>;
  readonly commandsHeading: string;
  readonly commands: ReadonlyArray<{ readonly text: string; readonly label: string; readonly purpose: string }>;
  readonly warnings: ReadonlyArray<{ readonly text: string; readonly color: 'Attention' | 'Warning' | 'Accent' }>;
  readonly linksHeading: string;
  readonly links: ReadonlyArray<{ readonly title: string; readonly url: string }>;
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
  readonly facts: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly findings: ReadonlyArray<{
    readonly title: string;
    readonly next: string;
    /** The command to run next, or empty. */
    readonly command: string;
    readonly color: 'Attention' | 'Warning' | 'Default';
  }>;
  readonly entriesHeading: string;
  readonly entries: ReadonlyArray<{ readonly title: string; readonly data: ActionData }>;
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
  readonly questions: ReadonlyArray<{ readonly id: string; readonly label: string; readonly value: string; readonly choices: readonly ChoiceOption[] }>;
  readonly snippetTip: string;
  /** One line per TextBlock: Markdown would join the lines of one block. */
  readonly snippet: ReadonlyArray<{ readonly text: string }>;
  readonly submit: CardButton;
}

export interface TicketCardData {
  readonly title: string;
  readonly message: string;
  readonly facts: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly actions: readonly CardButton[];
}

export interface L2CardData {
  readonly title: string;
  readonly statusColor: 'Good' | 'Warning' | 'Accent' | 'Attention';
  readonly facts: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly sections: ReadonlyArray<{ readonly heading: string; readonly lines: ReadonlyArray<{ readonly text: string }> }>;
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
export const CARD_NAMES: readonly CardName[] = Object.freeze(['welcome', 'answer', 'choices', 'not-found', 'diagnosis', 'topics', 'help', 'escalation-form', 'ticket', 'l2-ticket']);
