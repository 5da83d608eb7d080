/**
 * Reads `sc.exe query <service>` output (spaces or tabs, flattened lines), and `FAILED 1060` for a missing service.
 *
 *   SERVICE_NAME: sense
 *           STATE              : 4  RUNNING
 *           WIN32_EXIT_CODE    : 0  (0x0)
 */

import type { Facts, ServiceFacts } from './facts.js';

const BLOCK = /SERVICE_NAME\s*:\s*([A-Za-z0-9_.-]+)([\s\S]*?)(?=SERVICE_NAME\s*:|$)/giu;
const STATE = /\bSTATE\s*:\s*(\d+)\s+([A-Z_]+)/u;
const EXIT_CODE = /\bWIN32_EXIT_CODE\s*:\s*(\d+)/u;
// "sc query sense" then "[SC] EnumQueryServicesStatus:OpenService FAILED 1060:" (the service does not exist).
const MISSING = /\bsc(?:\.exe)?\s+query\s+([A-Za-z0-9_.-]+)[\s\S]{0,200}?\bFAILED\s+1060\b/giu;

// Lower-case text one of which every output read here holds (see PasteParser.needs): BLOCK and MISSING.
export const SC_QUERY_NEEDS: readonly string[] = ['service_name', '1060'];

/** Returns the services in `text` by lower-case name, or undefined when it holds no sc output. */
export function parseScQuery(text: string): Facts | undefined {
  const services: Record<string, ServiceFacts> = {};
  for (const block of text.matchAll(BLOCK)) {
    const name = (block[1] ?? '').toLowerCase();
    const body = block[2] ?? '';
    const state = STATE.exec(body);
    if (!state) continue;
    const exit = EXIT_CODE.exec(body);
    services[name] = { state: state[2] ?? '', ...(exit ? { exitCode: Number(exit[1]) } : {}) };
  }
  for (const missing of text.matchAll(MISSING))
    services[(missing[1] ?? '').toLowerCase()] = { state: 'NOT_INSTALLED', exitCode: 1060 };
  return Object.keys(services).length > 0 ? { services } : undefined;
}
