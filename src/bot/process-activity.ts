/** The HTTP side of the adapter: one checked activity in, its status and body out, every failure mapped. */

import type { Activity } from 'botbuilder';
import type { Request, Response } from 'restify';

import { reusedCardJson } from '../cards/render-card.js';
import { serializeBodyBytes } from '../http/serialize-body.js';
import type { Logger } from '../log/create-logger.js';
import type { SupportAdapter } from './support-adapter.js';
import type { SupportBot } from './support-bot.js';

/** Token failures from botbuilder and the JWT library it uses; CloudAdapter.process answers some of them with 500. */
function isAuthenticationFailure(error: unknown): boolean {
  const names = [(error as { name?: unknown }).name, (error as { constructor?: { name?: unknown } }).constructor?.name];
  return names.some(
    (name) =>
      name === 'AuthenticationError' ||
      name === 'JsonWebTokenError' ||
      name === 'TokenExpiredError' ||
      name === 'NotBeforeError',
  );
}

/**
 * Runs one checked activity through the adapter. This is CloudAdapter.process without its error handling:
 * every token failure becomes 401 (botbuilder answers a bad signature with 500 and the library's message), and
 * any other failure a logged 500 with a JSON body that reveals nothing.
 */
export async function processWithAdapter(
  adapter: SupportAdapter,
  bot: SupportBot,
  logger: Logger,
  req: Request,
  res: Response,
): Promise<void> {
  const activity = { ...(req.body as Activity) };
  for (const field of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    const raw = (req.body as Record<string, unknown>)[field];
    if (typeof raw === 'string') (activity as Record<string, unknown>)[field] = new Date(raw);
  }
  const authorization = req.headers['authorization'];
  try {
    const response = await adapter.processChecked(
      typeof authorization === 'string' ? authorization : '',
      activity,
      (context) => bot.run(context),
    );
    // botbuilder answers some invokes it has no handler for (e.g. a nameless invoke) with 500; say why in the log.
    if ((response?.status ?? 200) >= 500) {
      logger.warn(
        { activityId: activity.id, activityType: activity.type, invokeName: activity.name, status: response?.status },
        'activity handler answered with a server error',
      );
    }
    res.status(response?.status ?? 200);
    if (response?.body !== undefined) {
      // What res.json() sends, with the reused cards' JSON taken as it is, already encoded (expectReplies bodies hold
      // the cards).
      const bytes = serializeBodyBytes(response.body, reusedCardJson);
      res.sendRaw(response.status ?? 200, bytes, {
        'Content-Type': 'application/json',
        'Content-Length': String(bytes.length),
      });
    } else res.end();
  } catch (error) {
    if (isAuthenticationFailure(error)) {
      logger.info(
        { activityId: activity.id, reason: (error as Error).constructor.name },
        'activity rejected: authentication',
      );
      res.status(401);
      res.json({ error: { code: 'unauthorized', message: 'Missing or invalid token.' } });
      return;
    }
    logger.error({ activityId: activity.id, conversationId: activity.conversation?.id, err: error }, 'activity failed');
    res.status(500);
    res.json({ error: { code: 'internal', message: 'Internal server error.' } });
  }
}
