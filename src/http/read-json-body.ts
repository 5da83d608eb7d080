/** Reads a request body as JSON with a size limit, without trusting Content-Length alone. */

import type { IncomingMessage } from 'node:http';

export type BodyResult =
  | { readonly ok: true; readonly body: unknown; readonly bytes: number }
  | { readonly ok: false; readonly status: 400 | 413 | 415; readonly code: string; readonly message: string };

const tooLarge = (limit: number): BodyResult => ({
  ok: false,
  status: 413,
  code: 'payload_too_large',
  message: `Request body exceeds ${limit} bytes.`,
});

/** Returns the parsed JSON body of `req`, or the HTTP error to answer with. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
  if (!contentType.startsWith('application/json')) {
    req.resume();
    return { ok: false, status: 415, code: 'unsupported_media_type', message: 'Content-Type must be application/json.' };
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return tooLarge(limit);
  }
  const chunks: Buffer[] = [];
  let bytes = 0;
  let exceeded = false;
  // Stream events rather than `for await`: the async iterator costs a promise per chunk on every request.
  await new Promise<void>((resolve, reject) => {
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limit) exceeded = true;
      // Keep draining after the limit so the client can read our 413 instead of a reset connection.
      if (!exceeded) chunks.push(chunk);
    });
    req.once('end', resolve);
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new Error('http: the request closed before its body was read'));
    });
  });
  if (exceeded) return tooLarge(limit);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: false, status: 400, code: 'empty_body', message: 'Request body is empty.' };
  try {
    return { ok: true, body: JSON.parse(text), bytes };
  } catch {
    // The parser's message can quote the body, so it is not passed on.
    return { ok: false, status: 400, code: 'malformed_json', message: 'Request body is not valid JSON.' };
  }
}
