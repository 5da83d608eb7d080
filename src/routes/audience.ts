/** Who is asking: an employee gets the plain answer with the admin part folded; helpdesk gets the admin part open. */

import type { Signals } from '../matching/extract-signals.js';
import type { TurnInput } from './turn-input.js';

/** True for L2 and helpdesk staff (the L2 channel or the allowed AAD ids); supplied by the composition root. */
export type IsStaff = (input: TurnInput) => boolean;

interface HelpdeskSign {
  readonly id: string;
  readonly test: (input: TurnInput, signals: Signals | undefined, isStaff: IsStaff) => boolean;
}

// Any one of these says the message came from helpdesk. Order only affects which id is reported first.
const HELPDESK_SIGNS: readonly HelpdeskSign[] = [
  { id: 'staff', test: (input, _signals, isStaff) => isStaff(input) },
  { id: 'paste', test: (input) => input.conversation.pastes.length > 0 },
  { id: 'error-code', test: (_input, signals) => (signals?.errorCodes.length ?? 0) > 0 },
  { id: 'command', test: (_input, signals) => (signals?.tools.length ?? 0) > 0 },
  {
    id: 'event-or-setting',
    test: (_input, signals) => (signals?.eventIds.length ?? 0) + (signals?.properties.length ?? 0) > 0,
  },
];

/**
 * Returns the ids of the helpdesk signs in this turn (empty: an employee asked); `signals` come from the matched text.
 */
export function helpdeskSigns(
  input: TurnInput,
  signals: Signals | undefined,
  isStaff: IsStaff = () => false,
): string[] {
  return HELPDESK_SIGNS.filter((sign) => sign.test(input, signals, isStaff)).map((sign) => sign.id);
}
