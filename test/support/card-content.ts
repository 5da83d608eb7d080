/** Reads what a reply's cards say and which buttons they carry, for HTTP tests that check replies by content. */

/** An activity as the bot returns it with expectReplies. */
export interface ReplyActivity {
  type: string;
  text?: string;
  locale?: string;
  attachments?: Array<{ content: unknown }>;
}

/** Every TextBlock text under `node`, in order. */
function texts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(texts);
  if (typeof node !== 'object' || node === null) return [];
  const own = (node as { type?: unknown }).type === 'TextBlock' ? [String((node as { text: unknown }).text)] : [];
  return [...own, ...Object.values(node).flatMap(texts)];
}

/** Every Action.Submit data under `node` (buttons and clickable rows). */
function submits(node: unknown): Array<Record<string, string>> {
  if (Array.isArray(node)) return node.flatMap(submits);
  if (typeof node !== 'object' || node === null) return [];
  const own =
    (node as { type?: unknown }).type === 'Action.Submit' ? [(node as { data: Record<string, string> }).data] : [];
  return [...own, ...Object.values(node).flatMap(submits)];
}

/** The TextBlock texts of a reply's cards. */
export const cardTexts = (reply: ReplyActivity | undefined): string[] =>
  texts(reply?.attachments?.map((attachment) => attachment.content) ?? []);
/** The Action.Submit data of a reply's cards. */
export const cardSubmits = (reply: ReplyActivity | undefined): Array<Record<string, string>> =>
  submits(reply?.attachments?.map((attachment) => attachment.content) ?? []);
