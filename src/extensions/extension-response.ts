/**
 * The Teams message-extension response bodies as plain JSON (no botbuilder types): a result list of previews, a
 * plain message in place of results, a dialog (task module) with a card, and the cards inserted into the compose box.
 */

import type { CardJson } from '../cards/render-card.js';

/** An attachment of an extension result: the full card to insert, and the preview shown in the result list. */
export interface ExtensionAttachment {
  readonly contentType: string;
  readonly content: unknown;
  readonly preview?: { readonly contentType: string; readonly content: unknown };
}

/** The body of a composeExtension response (query, selectItem, submitAction). */
export interface ComposeExtensionBody {
  readonly composeExtension:
    | {
        readonly type: 'result';
        readonly attachmentLayout: 'list';
        readonly attachments: readonly ExtensionAttachment[];
      }
    | { readonly type: 'message'; readonly text: string };
}

/** The body of a task module response (fetchTask): a dialog with a card, or a message. */
export interface TaskBody {
  readonly task:
    | {
        readonly type: 'continue';
        readonly value: {
          readonly title: string;
          readonly card: ExtensionAttachment;
          readonly width: 'large' | 'medium';
          readonly height: 'large' | 'medium';
        };
      }
    | { readonly type: 'message'; readonly value: string };
}

export type ExtensionBody = ComposeExtensionBody | TaskBody;

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const THUMBNAIL = 'application/vnd.microsoft.card.thumbnail';

/** One line of a result list: what the preview shows and what choosing it sends back (composeExtension/selectItem). */
export interface ResultItem {
  readonly title: string;
  readonly text: string;
  /** The selectItem value: small, and checked again when it comes back (a client can forge it). */
  readonly select: Readonly<Record<string, string | boolean>>;
  /** The full card, when cheap enough to send with every result: used by clients that do not send selectItem. */
  readonly card?: CardJson;
}

/**
 * Returns a result list; choosing an item makes Teams send `select` back as composeExtension/selectItem (Teams inserts
 * what that returns).
 */
export function resultList(items: readonly ResultItem[]): ComposeExtensionBody {
  const attachments = items.map((item): ExtensionAttachment => {
    const preview = {
      contentType: THUMBNAIL,
      content: { title: item.title, text: item.text, tap: { type: 'invoke', value: item.select } },
    };
    return item.card ? { contentType: ADAPTIVE, content: item.card, preview } : { ...preview, preview };
  });
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
}

/** Returns the response that puts `card` into the compose box (the user sends it). */
export function insertCard(
  card: CardJson,
  preview: { readonly title: string; readonly text: string },
): ComposeExtensionBody {
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: [{ contentType: ADAPTIVE, content: card, preview: { contentType: THUMBNAIL, content: preview } }],
    },
  };
}

/** Returns a plain message shown in place of results (hints, refusals, errors). */
export function extensionMessage(text: string): ComposeExtensionBody {
  return { composeExtension: { type: 'message', text } };
}

/** Returns a dialog showing `card`. */
export function taskCard(title: string, card: CardJson): TaskBody {
  return {
    task: {
      type: 'continue',
      value: { title, card: { contentType: ADAPTIVE, content: card }, width: 'large', height: 'large' },
    },
  };
}

/** Returns a dialog response that only shows `text`. */
export function taskMessage(text: string): TaskBody {
  return { task: { type: 'message', value: text } };
}
