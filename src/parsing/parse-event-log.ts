/**
 * Reads Microsoft Defender Antivirus events from `Get-WinEvent ... | Format-List` output or an Event Viewer copy:
 * the event ids and the error codes inside.
 *
 *   ProviderName : Microsoft-Windows-Windows Defender
 *   Id           : 5013
 */

import type { Facts } from './facts.js';
import { formatHresult } from './parse-validate-maps.js';

// The event ids the rules know; others are still collected when the text is clearly a Defender event.
const KNOWN_EVENTS = new Set([5013, 5007, 5001, 5000, 1116]);
const DEFENDER_SOURCE = /Microsoft-Windows-Windows Defender|Microsoft Defender Antivirus|Windows Defender/iu;
// "Id : 5013" (Format-List), "Event ID: 5013" (Event Viewer), "EventID 5013".
const EVENT_ID = /^\s*(?:Id|Event\s*ID|EventID)\s*:?\s+(\d{3,5})\s*$/gimu;
const FLAT_EVENT_ID = /\b(?:Id|Event\s*ID|EventID)\s*:\s*(\d{3,5})\b/giu;
// Messages that identify an event even when the id line was not copied.
const MESSAGES: ReadonlyArray<readonly [RegExp, number]> = [
  [/Tamper protection blocked a change to Microsoft Defender Antivirus/iu, 5013],
  [/Microsoft Defender Antivirus Configuration has changed/iu, 5007],
  [
    /Real-time Protection feature has been disabled|Real-time Protection scanning for malware and other potentially unwanted software was disabled/iu,
    5001,
  ],
  [
    /Real-time Protection feature has been enabled|Real-time Protection scanning for malware and other potentially unwanted software was enabled/iu,
    5000,
  ],
  [/has detected malware or other potentially unwanted software/iu, 1116],
];
const ERROR_CODE = /\b(?:Error\s*Code|hr|HRESULT)\s*[:=]\s*(?:0x)?([0-9a-f]{8})\b/giu;

// What every output read here holds, one of them (see PasteParser.needs): an id (EVENT_ID, FLAT_EVENT_ID; with or
// without the colon, any spaces) or the start of one of MESSAGES.
export const EVENT_LOG_NEEDS: ReadonlyArray<string | RegExp> = [
  /id\s*:?\s*\d/u,
  'tamper protection blocked',
  'configuration has changed',
  'real-time protection',
  'has detected malware',
];

/** Returns the event facts in `text`, or undefined when it holds no Defender event text. */
export function parseEventLog(text: string): Facts | undefined {
  const ids = new Set<number>();
  const fromSource = DEFENDER_SOURCE.test(text);
  const lineIds = [...text.matchAll(EVENT_ID)];
  for (const match of lineIds.length > 0 ? lineIds : text.matchAll(FLAT_EVENT_ID)) {
    const id = Number(match[1]);
    // Without a Defender source line only the known Defender event ids count (an "Id : 1234" could be anything).
    if (fromSource || KNOWN_EVENTS.has(id)) ids.add(id);
  }
  for (const [pattern, id] of MESSAGES) if (pattern.test(text)) ids.add(id);
  if (ids.size === 0) return undefined;
  const codes = [...new Set([...text.matchAll(ERROR_CODE)].map((match) => formatHresult(match[1] ?? '')))];
  return { eventIds: [...ids], ...(codes.length > 0 ? { eventErrorCodes: codes } : {}) };
}
