/** CloudAdapter with its activity processing exposed, so the HTTP layer can map errors itself. */

import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';

/** A CloudAdapter whose `processChecked` runs an already validated activity and lets errors reach the caller. */
export class SupportAdapter extends CloudAdapter {
  /** Authenticates `authorization` and runs `logic` for `activity`; throws authentication errors as they are. */
  processChecked(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}
