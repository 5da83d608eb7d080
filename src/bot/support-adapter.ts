/** CloudAdapter with its activity processing exposed, so the HTTP layer can map errors itself. */

import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';

import { ReusingAuthentication } from './reusing-authentication.js';

/**
 * A CloudAdapter whose `processChecked` runs an already validated activity and lets errors reach the caller.
 * Outbound clients are reused across turns instead of being rebuilt for every activity (see ReusingAuthentication).
 */
export class SupportAdapter extends CloudAdapter {
  constructor(authentication: BotFrameworkAuthentication) {
    super(new ReusingAuthentication(authentication));
  }

  /** Authenticates `authorization` and runs `logic` for `activity`; throws authentication errors as they are. */
  processChecked(
    authorization: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}
