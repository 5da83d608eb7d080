/**
 * Reads a text file a user sent the bot in personal chat. Teams stores the file in the sender's OneDrive for
 * Business and sends a `application/vnd.microsoft.teams.file.download.info` attachment with a short-lived,
 * pre-authorized `downloadUrl`. Only `.txt`, `.log` and `.csv` files are read, only from the allowed hosts, with a
 * size limit and a timeout; the text goes on like a pasted message and is never logged.
 */

import type { Activity } from 'botbuilder';

import type { FileInput } from '../routes/turn-input.js';

export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
const TEXT_FILE_TYPES: ReadonlySet<string> = new Set(['txt', 'log', 'csv']);

/** A text file attachment found on an activity, not yet downloaded. */
export interface TextFileAttachment {
  readonly name: string;
  readonly downloadUrl: string;
}

export interface FileReaderOptions {
  /** Host names (`*.domain` for sub-domains, `host:port` for one port) files may come from. */
  readonly allowedHosts: readonly string[];
  readonly maxBytes: number;
  readonly timeoutMs: number;
}

/** Why a file was not read, for logs (no names or URLs). */
export type FileProblemReason = 'host-not-allowed' | 'too-large' | 'http-status' | 'timeout' | 'network' | 'not-text';

/** Returns the text file attachment of a personal-chat message, if it has one Teams lets the bot download. */
function findTextFile(activity: Partial<Activity>): TextFileAttachment | undefined {
  // Teams sends file download info only in personal chat; elsewhere files never reach the bot this way.
  if (activity.conversation?.conversationType !== undefined && activity.conversation.conversationType !== 'personal')
    return undefined;
  for (const attachment of activity.attachments ?? []) {
    if (attachment?.contentType !== FILE_DOWNLOAD_INFO) continue;
    const content = attachment.content as { downloadUrl?: unknown; fileType?: unknown } | undefined;
    const name = typeof attachment.name === 'string' ? attachment.name : '';
    const type = (
      typeof content?.fileType === 'string' ? content.fileType : (name.split('.').pop() ?? '')
    ).toLowerCase();
    if (typeof content?.downloadUrl === 'string' && TEXT_FILE_TYPES.has(type))
      return { name: name || `file.${type}`, downloadUrl: content.downloadUrl };
  }
  return undefined;
}

/** Returns true when `url` is https on an allowed host (plain http only for an allowed loopback host, in tests). */
export function isAllowedDownload(url: string, allowedHosts: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const hostname = parsed.hostname.toLowerCase();
  const loopback = hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  return allowedHosts.some((allowed) => {
    if (allowed.includes(':')) return parsed.host.toLowerCase() === allowed;
    if (allowed.startsWith('*.')) return hostname.endsWith(allowed.slice(1)) && hostname.length > allowed.length - 1;
    return hostname === allowed;
  });
}

/**
 * Decodes file bytes as text: UTF-8 (with or without BOM), or UTF-16 LE with its BOM (PowerShell 5's `>` writes that).
 */
function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  const text = new TextDecoder('utf-8').decode(bytes);
  // Binary content (a renamed image or archive) is not text: NUL bytes never occur in command output.
  return text.includes('\u0000') ? undefined : text.replace(/^\uFEFF/u, '');
}

/** Downloads one file within the limits; resolves with its text or the reason it was not read. */
async function downloadTextFile(
  file: TextFileAttachment,
  options: FileReaderOptions,
): Promise<{ text: string } | { reason: FileProblemReason }> {
  if (!isAllowedDownload(file.downloadUrl, options.allowedHosts)) return { reason: 'host-not-allowed' };
  const abort = new AbortController();
  // Why the transfer was stopped, when this code stopped it (aborting makes the pending read throw).
  let stopped: FileProblemReason | undefined;
  const stop = (reason: FileProblemReason): { reason: FileProblemReason } => {
    stopped = reason;
    abort.abort();
    return { reason };
  };
  const timer = setTimeout(() => stop('timeout'), options.timeoutMs);
  try {
    // No redirects: a redirect could lead to a host outside the allowed list.
    const response = await fetch(file.downloadUrl, { signal: abort.signal, redirect: 'error' });
    if (!response.ok || !response.body) return stop('http-status');
    const declared = Number(response.headers.get('content-length') ?? '');
    if (Number.isFinite(declared) && declared > options.maxBytes) return stop('too-large');
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      // Read no further than the limit, whatever the server declared.
      if (size > options.maxBytes) return stop('too-large');
      chunks.push(value);
    }
    const text = decodeText(Buffer.concat(chunks));
    return text === undefined ? { reason: 'not-text' } : { text };
  } catch {
    return { reason: stopped ?? 'network' };
  } finally {
    clearTimeout(timer);
  }
}

/** Creates the reader the bot calls per message: undefined when there is no text file, else what became of it. */
export function createFileReader(options: FileReaderOptions, onProblem?: (reason: FileProblemReason) => void) {
  return async (activity: Partial<Activity>): Promise<FileInput | undefined> => {
    const file = findTextFile(activity);
    if (!file) return undefined;
    const result = await downloadTextFile(file, options);
    if ('text' in result) return { name: file.name, text: result.text };
    onProblem?.(result.reason);
    return { name: file.name, problem: result.reason === 'too-large' ? 'too-large' : 'download-failed' };
  };
}
