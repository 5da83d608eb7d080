/**
 * Reads a request body as JSON with a size limit, a time limit and a nesting limit, without trusting Content-Length
 * alone.
 */

import type { IncomingMessage } from 'node:http';

export type BodyResult =
  | { readonly ok: true; readonly body: unknown; readonly bytes: number }
  | { readonly ok: false; readonly status: 400 | 408 | 413 | 415; readonly code: string; readonly message: string };

export interface BodyLimits {
  /** Largest body in bytes. */
  readonly maxBytes: number;
  /** Longest time the whole body may take to arrive. */
  readonly timeoutMs: number;
  /** Deepest nesting of arrays and objects accepted. */
  readonly maxDepth: number;
}

const tooLarge = (limit: number): BodyResult => ({
  ok: false,
  status: 413,
  code: 'payload_too_large',
  message: `Request body exceeds ${limit} bytes.`,
});

/** True when the JSON text nests arrays and objects deeper than `maxDepth` (brackets inside strings don't count). */
export function nestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c)
        index += 1; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (char === 0x5d || char === 0x7d) depth -= 1;
  }
  return false;
}

/**
 * Collects the body, stopping early: a body over the limit (declared or chunked) is answered 413 as soon as the
 * limit is passed, and one still arriving after `timeoutMs` gets 408; the caller then closes the connection.
 */
function collect(req: IncomingMessage, limits: BodyLimits): Promise<{ chunks: Buffer[]; bytes: number } | BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const finish = (result: { chunks: Buffer[]; bytes: number } | BodyResult): void => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      // Stop reading: the rest of an oversized or too slow body is never read.
      if (!('chunks' in result)) req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      bytes += chunk.length;
      if (bytes > limits.maxBytes) finish(tooLarge(limits.maxBytes));
      else chunks.push(chunk);
    };
    const onEnd = (): void => finish({ chunks, bytes });
    const onError = (): void =>
      finish({ ok: false, status: 400, code: 'incomplete_body', message: 'Request body was not received completely.' });
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          status: 408,
          code: 'request_timeout',
          message: `Request body did not arrive within ${limits.timeoutMs} ms.`,
        }),
      limits.timeoutMs,
    );
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onError);
  });
}

/** Returns the parsed JSON body of `req`, or the HTTP error to answer with. */
export async function readJsonBody(req: IncomingMessage, limits: BodyLimits): Promise<BodyResult> {
  const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
  if (!contentType.startsWith('application/json')) {
    req.resume();
    return {
      ok: false,
      status: 415,
      code: 'unsupported_media_type',
      message: 'Content-Type must be application/json.',
    };
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBytes) return tooLarge(limits.maxBytes);
  const collected = await collect(req, limits);
  if (!('chunks' in collected)) return collected;
  const text = Buffer.concat(collected.chunks).toString('utf8');
  if (text.trim() === '') return { ok: false, status: 400, code: 'empty_body', message: 'Request body is empty.' };
  // Checked before parsing: absurd nesting would otherwise overflow the stack of whatever walks the object later.
  if (nestsDeeperThan(text, limits.maxDepth)) {
    return {
      ok: false,
      status: 400,
      code: 'too_deeply_nested',
      message: `Request body nests arrays or objects deeper than ${limits.maxDepth} levels.`,
    };
  }
  try {
    return { ok: true, body: JSON.parse(text), bytes: collected.bytes };
  } catch {
    // The parser's message can quote the body, so it is not passed on.
    return { ok: false, status: 400, code: 'malformed_json', message: 'Request body is not valid JSON.' };
  }
}
