/** Facts read from pasted output, named after the PowerShell properties (../shared/docs/design.md), typed. */

export interface ValidateMapsFacts {
  readonly ok: boolean;
  /** `0x` + 8 upper-case hex digits. */
  readonly hresult?: string;
  readonly httpCode?: number;
  /** The banner's "Last Successful MAPS connection" as printed (locale date). */
  readonly lastSuccessfulConnection?: string;
  readonly connectedToInternet?: boolean;
}

export interface ServiceFacts {
  /** RUNNING, STOPPED, START_PENDING ..., or NOT_INSTALLED for `FAILED 1060`. */
  readonly state: string;
  readonly exitCode?: number;
}

export interface Facts {
  MAPSReporting?: number;
  SubmitSamplesConsent?: number;
  CloudBlockLevel?: number;
  CloudExtendedTimeout?: number;
  DisableBlockAtFirstSeen?: boolean;
  DisableRealtimeMonitoring?: boolean;
  IsTamperProtected?: boolean;
  TamperProtectionSource?: string;
  AMRunningMode?: string;
  RealTimeProtectionEnabled?: boolean;
  AntivirusEnabled?: boolean;
  AMServiceEnabled?: boolean;
  TroubleShootingMode?: string;
  AMProductVersion?: string;
  /** Days; null when Windows prints 4294967295 (never updated). */
  AntivirusSignatureAge?: number | null;
  TPExclusions?: number;
  /** The Features\TamperProtection registry value: read, but not the supported check. */
  TamperProtectionRegistryValue?: number;
  ForceDefenderPassiveMode?: number;
  /** False when Get-MpPreference printed "{N/A: Must be and administrator to view exclusions}". */
  ExclusionsVisible?: boolean;
  ValidateMapsConnection?: ValidateMapsFacts;
  /** By lower-case service name (sense, windefend). */
  services?: Readonly<Record<string, ServiceFacts>>;
  eventIds?: readonly number[];
  /** HRESULTs found inside event text. */
  eventErrorCodes?: readonly string[];
}

/** The fact names that are plain typed properties (the rest are structured). */
export type PropertyFact = Exclude<keyof Facts, 'ValidateMapsConnection' | 'services' | 'eventIds' | 'eventErrorCodes'>;

type Kind = 'number' | 'boolean' | 'string' | 'age';

/** How each property is typed when read from `Name : Value` text. */
export const PROPERTY_KINDS: Readonly<Record<PropertyFact, Kind>> = Object.freeze({
  MAPSReporting: 'number',
  SubmitSamplesConsent: 'number',
  CloudBlockLevel: 'number',
  CloudExtendedTimeout: 'number',
  DisableBlockAtFirstSeen: 'boolean',
  DisableRealtimeMonitoring: 'boolean',
  IsTamperProtected: 'boolean',
  TamperProtectionSource: 'string',
  AMRunningMode: 'string',
  RealTimeProtectionEnabled: 'boolean',
  AntivirusEnabled: 'boolean',
  AMServiceEnabled: 'boolean',
  TroubleShootingMode: 'string',
  AMProductVersion: 'string',
  AntivirusSignatureAge: 'age',
  TPExclusions: 'number',
  TamperProtectionRegistryValue: 'number',
  ForceDefenderPassiveMode: 'number',
  ExclusionsVisible: 'boolean',
});

// Get-MpPreference can print some enumerations by name; the numbers are what the rules use.
const NAMED_VALUES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  MAPSReporting: { disabled: 0, basic: 1, advanced: 2 },
  SubmitSamplesConsent: { alwaysprompt: 0, sendsafesamples: 1, neversend: 2, sendallsamples: 3 },
  CloudBlockLevel: { default: 0, moderate: 1, high: 2, highplus: 4, zerotolerance: 6 },
};

/** The Windows "never" value for ages and counters. */
const NEVER = '4294967295';

// Where a value written in a sentence ends: " / " between two readings, Japanese or sentence punctuation, the next
// sentence ("IsTamperProtected : True / TamperProtectionSource : Intune でした。").
const VALUE_END = /\s+\/\s|[／、。，,;；]|\s*[\u3040-\u30ff\u4e00-\u9fff]/u;

/** The value part of `raw`: trimmed, and cut where a sentence around it goes on. */
function valueOf(raw: string): string {
  const end = VALUE_END.exec(raw);
  return (end ? raw.slice(0, end.index) : raw).trim();
}

/** Returns `raw` typed for `name`, or undefined when it is empty or not a value of that type. */
export function typeValue(name: PropertyFact, raw: string): Facts[PropertyFact] | undefined {
  const value = valueOf(raw);
  if (value === '') return undefined;
  switch (PROPERTY_KINDS[name]) {
    case 'boolean':
      return /^\$?true$/iu.test(value)
        ? true
        : /^\$?false$/iu.test(value)
          ? false
          : value === '1'
            ? true
            : value === '0'
              ? false
              : undefined;
    case 'number': {
      if (/^0x[0-9a-f]+$/iu.test(value)) return Number.parseInt(value, 16);
      if (/^-?\d+$/u.test(value)) return Number(value);
      return NAMED_VALUES[name]?.[
        value
          .toLowerCase()
          .replace(/\+/gu, 'plus')
          .replace(/[\s_-]/gu, '')
      ];
    }
    case 'age':
      return value === NEVER ? null : /^\d+$/u.test(value) ? Number(value) : undefined;
    case 'string':
      return value;
  }
}

/** Merges `next` over `previous`: newer values win, event ids and services add up. */
export function mergeFacts(previous: Facts, next: Facts): Facts {
  const merged: Facts = { ...previous, ...next };
  if (previous.services || next.services) merged.services = { ...previous.services, ...next.services };
  if (previous.eventIds || next.eventIds)
    merged.eventIds = [...new Set([...(previous.eventIds ?? []), ...(next.eventIds ?? [])])];
  if (previous.eventErrorCodes || next.eventErrorCodes) {
    merged.eventErrorCodes = [...new Set([...(previous.eventErrorCodes ?? []), ...(next.eventErrorCodes ?? [])])];
  }
  return merged;
}
