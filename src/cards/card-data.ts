/** The typed data model of each card template in `cards/`. */

export interface WelcomeCardData {
  readonly title: string;
  readonly body: string;
  readonly example: string;
}

export interface PlaceholderCardData {
  readonly title: string;
  readonly body: string;
}

/** Maps each template name (file `cards/<name>.json`) to the data it is expanded with. */
export interface CardDataMap {
  readonly welcome: WelcomeCardData;
  readonly placeholder: PlaceholderCardData;
}

export type CardName = keyof CardDataMap;

/** Every template the bot needs; start-up fails when one is missing. */
export const CARD_NAMES: readonly CardName[] = Object.freeze(['welcome', 'placeholder']);
