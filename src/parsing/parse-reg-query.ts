/**
 * Reads `reg query` output for the values the rules use: Features\TPExclusions, Features\TamperProtection and
 * the policy value ForceDefenderPassiveMode.
 *
 *   HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows Defender\Features
 *       TPExclusions    REG_DWORD    0x1
 */

import type { Facts } from './facts.js';

const VALUE = /^\s*(TPExclusions|TamperProtection|ForceDefenderPassiveMode)\s+REG_DWORD\s+(0x[0-9a-f]+|\d+)\s*$/gimu;
// Flattened: "...\Features TPExclusions REG_DWORD 0x1".
const FLAT_VALUE = /\b(TPExclusions|TamperProtection|ForceDefenderPassiveMode)\s+REG_DWORD\s+(0x[0-9a-f]+|\d+)\b/giu;

const FACT_OF: Readonly<Record<string, 'TPExclusions' | 'TamperProtectionRegistryValue' | 'ForceDefenderPassiveMode'>> =
  {
    tpexclusions: 'TPExclusions',
    tamperprotection: 'TamperProtectionRegistryValue',
    forcedefenderpassivemode: 'ForceDefenderPassiveMode',
  };

// Lower-case text every output read here holds (see PasteParser.needs): VALUE and FLAT_VALUE.
export const REG_QUERY_NEEDS: readonly string[] = ['reg_dword'];

/** Returns the registry facts in `text`, or undefined when it holds no reg query output for them. */
export function parseRegQuery(text: string): Facts | undefined {
  const facts: Facts = {};
  const matches = [...text.matchAll(VALUE)];
  for (const match of matches.length > 0 ? matches : text.matchAll(FLAT_VALUE)) {
    const fact = FACT_OF[(match[1] ?? '').toLowerCase()];
    const raw = match[2] ?? '';
    if (fact) facts[fact] = raw.toLowerCase().startsWith('0x') ? Number.parseInt(raw, 16) : Number(raw);
  }
  return Object.keys(facts).length > 0 ? facts : undefined;
}
