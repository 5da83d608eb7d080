/**
 * Reads `MpCmdRun.exe -ValidateMapsConnection` (and `-GetFiles`) output.
 *
 *   ValidateMapsConnection failed to establish a connection to MAPS (hr=0x80070006 httpcore=451)
 *   MpCmdRun.exe: hr = 0x80070006
 */

import type { Facts, ValidateMapsFacts } from './facts.js';

const SUCCESS = /ValidateMapsConnection\s+successfully\s+established\s+a\s+connection\s+to\s+MAPS/iu;
// hr with or without 0x and spaces; httpcode, or the docs' misspelling httpcore.
// Also the short form of the MpCmdRun error table: "ValidateMapsConnection failed (800106BA)".
const FAILURE =
  /ValidateMapsConnection\s+failed(?:\s+to\s+establish\s+a\s+connection\s+to\s+MAPS)?\s*(?:\(\s*(?:hr\s*=\s*)?(?:0x)?([0-9a-f]{1,8})(?:\s*,?\s*http(?:code|core)\s*=\s*(\d{1,3}))?\s*\))?/iu;
const TRAILING_HR = /MpCmdRun(?:\.exe)?\s*:\s*hr\s*=\s*(?:0x)?([0-9a-f]{1,8})\b/iu;
// The code written after the failure line by hand: "ValidateMapsConnection failed hr = 0x80508015".
const NEXT_HR = /^[\s,:;-]*(?:hr|hresult|error(?:\s*code)?)?\s*[=:]?\s*(?:0x)?([0-9a-f]{8})\b/iu;
const CONNECTED =
  /MpIsConnectedToInternet\(\)\s*:\s*hr\s*=\s*(?:0x)?[0-9a-f]+\s*,?\s*fIsConnectedToInternet\s*:\s*(true|false)/iu;
const LAST_SUCCESS = /Last\s+Successful\s+MAPS\s+connection\s*:\s*\[([^\]\n]{1,60})\]/iu;

// Lower-case text one of which every output read here holds (see PasteParser.needs): SUCCESS and FAILURE name the
// command, CONNECTED its internet check, LAST_SUCCESS says "successful".
export const VALIDATE_MAPS_NEEDS: readonly string[] = [
  'validatemapsconnection',
  'mpisconnectedtointernet',
  'successful',
];

/** Returns the HRESULT as `0x` + 8 upper-case hex digits. */
export function formatHresult(hex: string): string {
  return `0x${hex.toUpperCase().padStart(8, '0')}`;
}

/** Returns the ValidateMapsConnection facts in `text`, or undefined when it holds no such output. */
export function parseValidateMaps(text: string): Facts | undefined {
  const success = SUCCESS.test(text);
  const failure = FAILURE.exec(text);
  const connected = CONNECTED.exec(text);
  const lastSuccess = LAST_SUCCESS.exec(text);
  if (!success && !failure && !connected && !lastSuccess) return undefined;

  const trailing = TRAILING_HR.exec(text);
  const written =
    failure && failure[1] === undefined ? NEXT_HR.exec(text.slice(failure.index + failure[0].length)) : null;
  const failureHex = failure?.[1] ?? (failure ? (trailing?.[1] ?? written?.[1]) : undefined);
  // A failure line wins over a success line from an earlier run in the same paste only if it comes later.
  const ok = success && !(failure && failure.index > (SUCCESS.exec(text)?.index ?? -1));
  const result: { -readonly [K in keyof ValidateMapsFacts]: ValidateMapsFacts[K] } = { ok: failure ? ok : success };
  if (!ok && failureHex !== undefined) result.hresult = formatHresult(failureHex);
  if (!ok && failure?.[2] !== undefined) result.httpCode = Number(failure[2]);
  if (connected) result.connectedToInternet = connected[1]?.toLowerCase() === 'true';
  if (lastSuccess?.[1] !== undefined) result.lastSuccessfulConnection = lastSuccess[1].trim();
  // A banner without a result line is an interrupted paste: report what it says, not a failure.
  if (!success && !failure) return { ValidateMapsConnection: { ...result, ok: result.connectedToInternet ?? false } };
  return { ValidateMapsConnection: result };
}
