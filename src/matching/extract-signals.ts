/**
 * Finds exact signals in a message before any fuzzy search: HRESULT codes, event ids, Defender property and tool names.
 */

import { createFormSearch } from './substring-filter.js';

/** What a message names exactly. */
export interface Signals {
  /** HRESULTs as `0x` + 8 upper-case hex digits, in order of appearance, unique. */
  readonly errorCodes: readonly string[];
  readonly eventIds: readonly number[];
  /** Property names in their canonical spelling (e.g. `MAPSReporting`). */
  readonly properties: readonly string[];
  /** Tool and cmdlet names in canonical spelling (e.g. `MpCmdRun`, `Get-MpComputerStatus`). */
  readonly tools: readonly string[];
  /**
   * Neighbouring products the message is about, which the knowledge does not cover: Defender on another platform
   * (`macOS`, `Linux`, `iOS`, `Android`, when Windows is not named too) and other Microsoft security products
   * (`Safe Links`, `Defender for Office 365`, `SmartScreen` ...).
   */
  readonly otherProducts: readonly string[];
}

// 0x80070005, 0X80508015, hr=80070005, hr = 0x80072F8F, "エラー 0x87D1041C", or a bare 8-digit code starting with 8
// (failure HRESULTs). With 0x, NTSTATUS-style codes (0xC1900101) count too: any code with the failure bit set.
const HRESULT = /(?:\b0x([89a-f][0-9a-f]{7})|(?:\bhr\s*[=:]\s*|(?<![0-9a-z]))(8[0-9a-f]{7}))(?![0-9a-z])/giu;
// "event 5013", "event id: 5013", "イベント ID 5013", "イベントID：41", "eventid=5013", "ID 5013", "event 41":
// Windows event ids run from 1 to 65535, so one to five digits.
const EVENT_NEAR_WORD = /(?:event(?:\s*id)?|イベント(?:\s*id)?|\bid)\s*[:=#：]?\s*(\d{1,5})(?![0-9a-z.,])/giu;
const BARE_NUMBER = /^\s*(\d{4})\s*$/u;
// What a text needs for HRESULT or EVENT_NEAR_WORD to match at all (lower-case words: see lowerCaseOf).
const HEX_RUN = /[0-9a-f]{8}/iu;
const EVENT_WORDS = ['event', 'イベント', 'id'];

const PLATFORMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:mac ?os|os ?x|macbooks?|imacs?|macs?)\b(?! address)|マック|mac ?版/iu, 'macOS'],
  [/\b(?:linux|ubuntu|rhel|red hat|centos|debian|suse)\b/iu, 'Linux'],
  [/\b(?:ios|iphones?|ipads?)\b/iu, 'iOS'],
  [/\bandroid\b|アンドロイド/iu, 'Android'],
];
const PRODUCTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bsafe ?links?\b|安全なリンク/iu, 'Safe Links'],
  [/\bsafe attachments?\b|安全な添付/iu, 'Safe Attachments'],
  [/\bdefender for (?:office|o365)\b|\bmdo\b/iu, 'Defender for Office 365'],
  [/\bdefender for identity\b|\bmdi\b/iu, 'Defender for Identity'],
  [/\bdefender for cloud(?: apps)?\b/iu, 'Defender for Cloud'],
  [/\bsmart ?screen\b/iu, 'SmartScreen'],
  [/\bpurview\b/iu, 'Purview'],
  [/\bautopilot\b|オートパイロット/iu, 'Windows Autopilot'],
  [/\bbitlocker\b|ビットロッカー/iu, 'BitLocker'],
];
// Other antivirus products: their own tamper protection, exclusions and consoles are not Defender's.
const VENDORS: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /\b(?:sophos|symantec|crowdstrike|falcon sensor|trend ?micro|mcafee|trellix|eset|kaspersky|norton|avast|avg|bitdefender|sentinel ?one|cylance|carbon ?black)\b|ウイルスバスター|ノートン|カスペルスキー|トレンドマイクロ/iu,
    'another antivirus',
  ],
];
const WINDOWS = /\bwindows\b|ウィンドウズ|\bwin ?(?:10|11)\b|\bserver 20\d\d\b/iu;
// A message that names Defender itself, or its passive mode (which another antivirus product brings about), is about
// Defender, whatever other product it mentions on the way.
const DEFENDER =
  /defender|\bmdav\b|\bmde\b|mpcmdrun|windows security|windows セキュリティ|\bmaps\b|\b(?:passive|active) mode|パッシブ/iu;
// One scan that any of the forms above needs to pass (most messages name no other product): their alternatives
// joined.
export const ANY_OTHER_PRODUCT = new RegExp(
  [...PLATFORMS, ...PRODUCTS, ...VENDORS].map(([pattern]) => pattern.source).join('|'),
  'iu',
);
// The same scan without case folding, over the lower-cased text (the forms are lower case): a case-insensitive Unicode
// scan folds every character it looks at and took about ten times as long.
const ANY_OTHER_PRODUCT_LOWER = new RegExp(ANY_OTHER_PRODUCT.source, 'u');
// Characters that /iu matching and toLowerCase() treat differently (ſ and the Kelvin sign fold to s and k; İ becomes
// i + dot): a text with one of them is matched by the case-insensitive regexes alone, never through its lower case.
const FOLDS_UNLIKE_LOWER_CASE = /[\u017f\u0130\u212a]/u;

/** The lower-cased `text` for the quick checks, or undefined when it may not stand for the text (see above). */
const lowerCaseOf = (text: string): string | undefined =>
  FOLDS_UNLIKE_LOWER_CASE.test(text) ? undefined : text.toLowerCase();

/**
 * True when `text` may name another product: what ANY_OTHER_PRODUCT.test(text) says, found faster (`lower`: the text's
 * lowerCaseOf, when the caller has it).
 */
export function mayNameOtherProduct(text: string, lower = lowerCaseOf(text)): boolean {
  return lower === undefined ? ANY_OTHER_PRODUCT.test(text) : ANY_OTHER_PRODUCT_LOWER.test(lower);
}

// Each with the lower-case text every match contains, checked first: most messages name no tool, and nine
// case-insensitive scans of every message were a large part of reading its signals.
const TOOLS: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/\bmpcmdrun(?:\.exe)?\b/iu, 'MpCmdRun', 'mpcmdrun'],
  [/\bget-mpcomputerstatus\b/iu, 'Get-MpComputerStatus', 'get-mpcomputerstatus'],
  [/\bget-mppreference\b/iu, 'Get-MpPreference', 'get-mppreference'],
  [/\bset-mppreference\b/iu, 'Set-MpPreference', 'set-mppreference'],
  [/\bremove-mppreference\b/iu, 'Remove-MpPreference', 'remove-mppreference'],
  [/\bsc(?:\.exe)?\s+query\b/iu, 'sc.exe query', 'query'],
  [/\breg(?:\.exe)?\s+(?:query|add)\b/iu, 'reg.exe', 'reg'],
  [/\bnetsh\s+winhttp\b/iu, 'netsh winhttp', 'netsh'],
  [/\bget-winevent\b/iu, 'Get-WinEvent', 'get-winevent'],
];

/**
 * The one known code that `code` is a typo of, by two adjacent hex digits swapped ("80058015" for 80508015); codes
 * of one facility differ in single digits, so only a swap is read as a typo.
 */
function swappedCode(code: string, knownCodes: ReadonlySet<string>): string | undefined {
  if (knownCodes.has(code)) return undefined;
  const found = new Set<string>();
  for (let at = 2; at + 1 < code.length; at += 1) {
    if (code[at] === code[at + 1]) continue;
    const swapped = `${code.slice(0, at)}${code[at + 1] ?? ''}${code[at] ?? ''}${code.slice(at + 2)}`;
    if (knownCodes.has(swapped)) found.add(swapped);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * Creates the signal extractor for a set of known property names, owned event ids and owned error codes (an unknown
 * code that is a known one with two adjacent digits swapped is read as the known one).
 */
export function createSignalExtractor(
  propertyNames: readonly string[],
  knownEventIds: readonly number[],
  knownErrorCodes: readonly string[] = [],
): (text: string) => Signals {
  const codes = new Set(knownErrorCodes);
  const canonical = new Map(propertyNames.map((name) => [name.toLowerCase(), name]));
  // Longest names first so TroubleShootingStartTime is not read as TroubleShootingMode's prefix.
  const names = [...canonical.keys()].sort((a, b) => b.length - a.length);
  const propertyPattern =
    names.length > 0 ? new RegExp(`(?<![a-z0-9])(${names.join('|')})(?![a-z0-9])`, 'giu') : undefined;
  // A text whose lower case holds no name has none for the case-insensitive pattern either (see lowerCaseOf): most
  // messages name no property, and the pattern looks behind at every position.
  const nameSearch = createFormSearch(names);
  const namesFound = new Uint8Array(names.length);
  const mayNameProperty = (lower: string): boolean => {
    nameSearch(lower, namesFound);
    return namesFound.includes(1);
  };
  const known = new Set(knownEventIds);

  return (text) => {
    const lower = lowerCaseOf(text);
    const errorCodes = new Set<string>();
    // Every HRESULT is eight hex digits in a row; most messages have none, and HRESULT looks behind at every position.
    if (HEX_RUN.test(text))
      for (const match of text.matchAll(HRESULT)) {
        const code = `0x${(match[1] ?? match[2] ?? '').toUpperCase()}`;
        errorCodes.add(swappedCode(code, codes) ?? code);
      }
    const eventIds = new Set<number>();
    if (lower === undefined || EVENT_WORDS.some((word) => lower.includes(word)))
      for (const match of text.matchAll(EVENT_NEAR_WORD)) eventIds.add(Number(match[1]));
    // A message that is only a known event id ("5013") names that event.
    const bare = BARE_NUMBER.exec(text);
    if (bare && known.has(Number(bare[1]))) eventIds.add(Number(bare[1]));
    const properties = new Set<string>();
    if (propertyPattern && (lower === undefined || mayNameProperty(lower)))
      for (const match of text.matchAll(propertyPattern))
        properties.add(canonical.get((match[1] ?? '').toLowerCase()) ?? '');
    const tools = TOOLS.filter(
      ([pattern, , needs]) => (lower === undefined || lower.includes(needs)) && pattern.test(text),
    ).map(([, name]) => name);
    const otherProducts = mayNameOtherProduct(text, lower)
      ? [...(WINDOWS.test(text) ? [] : PLATFORMS), ...PRODUCTS, ...(DEFENDER.test(text) ? [] : VENDORS)]
          .filter(([pattern]) => pattern.test(text))
          .map(([, name]) => name)
      : [];
    return {
      errorCodes: [...errorCodes],
      eventIds: [...eventIds],
      properties: [...properties].filter(Boolean),
      tools,
      otherProducts,
    };
  };
}
