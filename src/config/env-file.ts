/** Merges a local `.env` file under the process environment (the process environment wins). */

import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/** Returns the environment to configure from: `.env` values (if the file exists) overlaid by `env`. */
export function loadEnvWithFile(env: NodeJS.ProcessEnv, path: string): Record<string, string | undefined> {
  if (!existsSync(path)) return { ...env };
  return { ...parseEnv(readFileSync(path, 'utf8')), ...env };
}
