/** Serves the local playground page (auth off only): a chat box that renders replies with the bundled Adaptive Cards renderer. */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { Request, Response, Server } from 'restify';

interface Asset {
  readonly body: Buffer;
  readonly type: string;
}

// The renderer is served from node_modules, never from a CDN.
const RENDERER = createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.js');
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

/** Reads the playground files once (fails start-up if one is missing) and adds GET / and GET /playground/*. */
export function registerPlayground(server: Server, dir: string): void {
  const assets = new Map<string, Asset>([
    ['/', { body: readFileSync(join(dir, 'index.html')), type: 'text/html; charset=utf-8' }],
    ['/playground/playground.js', { body: readFileSync(join(dir, 'playground.js')), type: 'text/javascript; charset=utf-8' }],
    ['/playground/playground.css', { body: readFileSync(join(dir, 'playground.css')), type: 'text/css; charset=utf-8' }],
    ['/playground/adaptivecards.js', { body: readFileSync(RENDERER), type: 'text/javascript; charset=utf-8' }],
  ]);
  for (const [path, asset] of assets) {
    server.get(path, async (_req: Request, res: Response) => {
      res.writeHead(200, { 'content-type': asset.type, 'content-length': asset.body.length, ...SECURITY_HEADERS });
      res.end(asset.body);
    });
  }
}
