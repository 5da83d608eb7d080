/** The ordered diagnosis rules: each reads the merged facts and, when its evidence is there, yields one finding. */

import type { Facts } from '../parsing/facts.js';

export type Severity = 'error' | 'warning' | 'info';

/** What a rule found: the facts it rests on and, when the answer depends on them, the entry to point to. */
export interface RuleHit {
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly entry?: string;
}

/** A command of a knowledge entry, shown as the finding's next step (text stays in the knowledge file). */
export interface CommandRef {
  readonly entry: string;
  readonly command: string;
}

export interface DiagnosisRule {
  /** Stable kebab-case id; also the i18n key of the finding's text. */
  readonly id: string;
  readonly severity: Severity;
  /** The knowledge entry the finding points to (a hit may override it). */
  readonly entry?: string;
  /** The command to run next, when there is one. */
  readonly next?: CommandRef;
  evaluate(facts: Facts): RuleHit | undefined;
}

/** ValidateMapsConnection codes owned by the network-requirements entry (see knowledge). */
const NETWORK_CODES = new Set(['0x80004005', '0x80072EE7', '0x80501004', '0x80072EFD', '0x80072EE2', '0x800705B4']);
/**
 * Codes whose usual root cause is a device without a system-wide WinHTTP proxy, so Windows can't fetch the CRL (Learn,
 * "configure and validate network connections", root causes); 0x80072F8F has its own rule with the same fix.
 */
const WINHTTP_PROXY_CODES = new Set(['0x80070006', '0x80072EFE']);
/** Codes with a rule of their own. */
const CODE_RULES = new Set([
  '0x80070005',
  '0x80508015',
  '0x80072F8F',
  '0x800106BA',
  '0x80070667',
  ...WINHTTP_PROXY_CODES,
  ...NETWORK_CODES,
]);
/** Running modes where real-time protection is off by design. */
const NOT_ACTIVE_MODES = /passive|not running|edr block/iu;
const SIGNATURE_MAX_AGE_DAYS = 7;

const mapsCode = (facts: Facts, code: string): RuleHit | undefined =>
  facts.ValidateMapsConnection?.ok === false && facts.ValidateMapsConnection.hresult === code
    ? {
        evidence: {
          'ValidateMapsConnection.hresult': code,
          ...(facts.ValidateMapsConnection.httpCode
            ? { 'ValidateMapsConnection.httpCode': facts.ValidateMapsConnection.httpCode }
            : {}),
        },
      }
    : undefined;

const serviceState = (facts: Facts, name: string): string | undefined => facts.services?.[name]?.state;

// Order matters: within a severity, findings keep this order (most fundamental first).
export const DIAGNOSIS_RULES: readonly DiagnosisRule[] = Object.freeze([
  {
    id: 'antivirus-not-running',
    severity: 'error',
    evaluate: (facts) =>
      facts.AMRunningMode?.toLowerCase() === 'not running'
        ? { evidence: { AMRunningMode: facts.AMRunningMode } }
        : undefined,
  },
  {
    id: 'windefend-not-running',
    severity: 'error',
    entry: 'maps-error-service-disabled',
    evaluate: (facts) => {
      const state = serviceState(facts, 'windefend');
      return state && state !== 'RUNNING' ? { evidence: { 'services.windefend.state': state } } : undefined;
    },
  },
  {
    id: 'realtime-protection-off',
    severity: 'error',
    entry: 'disable-realtime-temporarily',
    next: { entry: 'disable-realtime-temporarily', command: 'remove-disable-realtime' },
    evaluate: (facts) => {
      if (facts.DisableRealtimeMonitoring === true) return { evidence: { DisableRealtimeMonitoring: true } };
      const active = facts.AMRunningMode === undefined || !NOT_ACTIVE_MODES.test(facts.AMRunningMode);
      return facts.RealTimeProtectionEnabled === false && active
        ? { evidence: { RealTimeProtectionEnabled: false } }
        : undefined;
    },
  },
  {
    id: 'maps-not-elevated',
    severity: 'error',
    entry: 'maps-error-access-denied',
    next: { entry: 'maps-connection-test', command: 'validate-maps' },
    evaluate: (facts) => mapsCode(facts, '0x80070005'),
  },
  {
    id: 'maps-cloud-disabled-or-blocked',
    severity: 'error',
    entry: 'maps-error-cloud-disabled',
    next: { entry: 'maps-check-setting', command: 'get-maps-reporting' },
    evaluate: (facts) => {
      const hit = mapsCode(facts, '0x80508015');
      return hit && facts.MAPSReporting !== undefined
        ? { evidence: { ...hit.evidence, MAPSReporting: facts.MAPSReporting } }
        : hit;
    },
  },
  {
    id: 'maps-crl-or-tls',
    severity: 'error',
    entry: 'winhttp-proxy',
    next: { entry: 'winhttp-proxy', command: 'netsh-set-proxy' },
    evaluate: (facts) => mapsCode(facts, '0x80072F8F'),
  },
  {
    // The WinHTTP proxy / CRL fix comes first for these codes; 0x80070006's MpCmdRun meaning (firewall, TLS inspection)
    // is second.
    id: 'maps-no-winhttp-proxy',
    severity: 'error',
    entry: 'winhttp-proxy',
    next: { entry: 'winhttp-proxy', command: 'netsh-show-proxy' },
    evaluate: (facts) => {
      const code = facts.ValidateMapsConnection?.hresult;
      return code && WINHTTP_PROXY_CODES.has(code) ? mapsCode(facts, code) : undefined;
    },
  },
  {
    id: 'maps-service-disabled',
    severity: 'error',
    entry: 'maps-error-service-disabled',
    evaluate: (facts) => mapsCode(facts, '0x800106BA'),
  },
  {
    id: 'maps-os-unsupported',
    severity: 'error',
    entry: 'maps-error-os-unsupported',
    evaluate: (facts) => mapsCode(facts, '0x80070667'),
  },
  {
    id: 'maps-network',
    severity: 'error',
    entry: 'maps-network-requirements',
    evaluate: (facts) => {
      const code = facts.ValidateMapsConnection?.hresult;
      return code && NETWORK_CODES.has(code) ? mapsCode(facts, code) : undefined;
    },
  },
  {
    id: 'maps-unknown-code',
    severity: 'error',
    entry: 'maps-network-requirements',
    evaluate: (facts) => {
      const maps = facts.ValidateMapsConnection;
      if (!maps || maps.ok) return undefined;
      if (maps.hresult === undefined) return { evidence: { 'ValidateMapsConnection.ok': false } };
      return CODE_RULES.has(maps.hresult) ? undefined : mapsCode(facts, maps.hresult);
    },
  },
  {
    id: 'cloud-protection-off',
    severity: 'error',
    entry: 'cloud-protection-enable',
    next: { entry: 'cloud-protection-enable', command: 'set-maps-advanced' },
    evaluate: (facts) => (facts.MAPSReporting === 0 ? { evidence: { MAPSReporting: 0 } } : undefined),
  },
  {
    id: 'sample-submission-never',
    severity: 'warning',
    entry: 'sample-submission',
    evaluate: (facts) => (facts.SubmitSamplesConsent === 2 ? { evidence: { SubmitSamplesConsent: 2 } } : undefined),
  },
  {
    id: 'block-at-first-sight-off',
    severity: 'warning',
    entry: 'block-at-first-sight',
    evaluate: (facts) =>
      facts.DisableBlockAtFirstSeen === true ? { evidence: { DisableBlockAtFirstSeen: true } } : undefined,
  },
  {
    id: 'tamper-protection-off',
    severity: 'warning',
    entry: 'tp-cannot-enable',
    next: { entry: 'tp-check-status', command: 'get-tp-status' },
    evaluate: (facts) => {
      if (facts.IsTamperProtected !== false) return undefined;
      const sense = serviceState(facts, 'sense');
      const evidence = { IsTamperProtected: false, ...(sense ? { 'services.sense.state': sense } : {}) };
      // How to turn it on depends on management: onboarded (Sense running) or not.
      if (sense === 'RUNNING')
        return {
          evidence,
          entry: /intune/iu.test(facts.TamperProtectionSource ?? '') ? 'tp-enable-intune' : 'tp-enable-mde',
        };
      if (sense !== undefined) return { evidence, entry: 'tp-enable-unmanaged' };
      return { evidence };
    },
  },
  {
    id: 'passive-mode-not-applied',
    severity: 'warning',
    entry: 'server-passive-mode',
    evaluate: (facts) =>
      facts.ForceDefenderPassiveMode === 1 && facts.AMRunningMode?.toLowerCase() === 'normal'
        ? { evidence: { ForceDefenderPassiveMode: 1, AMRunningMode: facts.AMRunningMode } }
        : undefined,
  },
  {
    id: 'sense-not-running',
    severity: 'warning',
    entry: 'mde-onboarding-check',
    next: { entry: 'mde-onboarding-check', command: 'query-sense' },
    evaluate: (facts) => {
      const service = facts.services?.['sense'];
      return service && service.state !== 'RUNNING'
        ? {
            evidence: {
              'services.sense.state': service.state,
              ...(service.exitCode !== undefined ? { 'services.sense.exitCode': service.exitCode } : {}),
            },
          }
        : undefined;
    },
  },
  {
    id: 'signatures-out-of-date',
    severity: 'warning',
    evaluate: (facts) => {
      const age = facts.AntivirusSignatureAge;
      if (age === undefined || facts.AMRunningMode?.toLowerCase() === 'not running') return undefined;
      return age === null || age > SIGNATURE_MAX_AGE_DAYS
        ? { evidence: { AntivirusSignatureAge: age ?? 'never' } }
        : undefined;
    },
  },
  {
    id: 'event-realtime-disabled',
    severity: 'warning',
    entry: 'disable-realtime-temporarily',
    evaluate: (facts) => (facts.eventIds?.includes(5001) ? { evidence: { eventId: 5001 } } : undefined),
  },
  {
    id: 'event-malware-detected',
    severity: 'warning',
    evaluate: (facts) => (facts.eventIds?.includes(1116) ? { evidence: { eventId: 1116 } } : undefined),
  },
  {
    id: 'event-tamper-blocked',
    severity: 'info',
    entry: 'event-5013',
    evaluate: (facts) => (facts.eventIds?.includes(5013) ? { evidence: { eventId: 5013 } } : undefined),
  },
  {
    id: 'event-configuration-changed',
    severity: 'info',
    entry: 'tp-protected-settings',
    evaluate: (facts) => (facts.eventIds?.includes(5007) ? { evidence: { eventId: 5007 } } : undefined),
  },
  {
    id: 'event-error-codes',
    severity: 'info',
    evaluate: (facts) =>
      facts.eventErrorCodes && facts.eventErrorCodes.length > 0
        ? { evidence: { eventErrorCodes: facts.eventErrorCodes } }
        : undefined,
  },
  {
    id: 'cloud-block-level-aggressive',
    severity: 'info',
    entry: 'cloud-protection-level',
    evaluate: (facts) =>
      facts.CloudBlockLevel !== undefined && facts.CloudBlockLevel >= 4
        ? { evidence: { CloudBlockLevel: facts.CloudBlockLevel } }
        : undefined,
  },
  {
    id: 'tamper-registry-read',
    severity: 'info',
    entry: 'tp-check-status',
    next: { entry: 'tp-check-status', command: 'get-tp-status' },
    evaluate: (facts) =>
      facts.TamperProtectionRegistryValue !== undefined
        ? { evidence: { TamperProtection: facts.TamperProtectionRegistryValue } }
        : undefined,
  },
  {
    id: 'exclusions-hidden',
    severity: 'info',
    evaluate: (facts) => (facts.ExclusionsVisible === false ? { evidence: { ExclusionsVisible: false } } : undefined),
  },
  {
    id: 'tp-exclusions-state',
    severity: 'info',
    entry: 'tp-exclusions',
    evaluate: (facts) =>
      facts.TPExclusions !== undefined ? { evidence: { TPExclusions: facts.TPExclusions } } : undefined,
  },
  {
    id: 'troubleshooting-mode-on',
    severity: 'info',
    entry: 'troubleshooting-mode',
    next: { entry: 'troubleshooting-mode', command: 'check-troubleshooting-mode' },
    evaluate: (facts) =>
      /^enabled$/iu.test(facts.TroubleShootingMode ?? '')
        ? { evidence: { TroubleShootingMode: facts.TroubleShootingMode } }
        : undefined,
  },
  {
    id: 'antivirus-passive',
    severity: 'info',
    entry: 'server-passive-mode',
    evaluate: (facts) =>
      /passive|edr block/iu.test(facts.AMRunningMode ?? '')
        ? { evidence: { AMRunningMode: facts.AMRunningMode } }
        : undefined,
  },
  {
    id: 'maps-connection-ok',
    severity: 'info',
    entry: 'maps-connection-test',
    evaluate: (facts) =>
      facts.ValidateMapsConnection?.ok === true ? { evidence: { 'ValidateMapsConnection.ok': true } } : undefined,
  },
  {
    id: 'tamper-protection-on',
    severity: 'info',
    entry: 'tp-check-status',
    evaluate: (facts) =>
      facts.IsTamperProtected === true
        ? {
            evidence: {
              IsTamperProtected: true,
              ...(facts.TamperProtectionSource ? { TamperProtectionSource: facts.TamperProtectionSource } : {}),
            },
          }
        : undefined,
  },
  {
    id: 'sense-running',
    severity: 'info',
    entry: 'mde-onboarding-check',
    evaluate: (facts) =>
      serviceState(facts, 'sense') === 'RUNNING' ? { evidence: { 'services.sense.state': 'RUNNING' } } : undefined,
  },
] satisfies DiagnosisRule[]);

/**
 * Where to go when the output shows nothing wrong: the entry for the next check, so "what next?" always has an answer.
 */
export interface NextStep {
  readonly id: string;
  readonly entry: string;
  applies(facts: Facts): boolean;
}

// First that applies wins; without one, the first informational finding's entry, else the entry that explains the
// first setting read (SETTING_ENTRIES), is the next step.
export const NEXT_STEPS: readonly NextStep[] = Object.freeze([
  // The cloud setting is on but the connection was not tested yet.
  {
    id: 'test-cloud-connection',
    entry: 'maps-connection-test',
    applies: (facts) => facts.ValidateMapsConnection === undefined && (facts.MAPSReporting ?? 0) > 0,
  },
  // The connection works; whether the setting is on was not shown.
  {
    id: 'check-cloud-setting',
    entry: 'maps-check-setting',
    applies: (facts) => facts.ValidateMapsConnection?.ok === true && facts.MAPSReporting === undefined,
  },
  // The device is onboarded; the tamper protection state was not shown.
  {
    id: 'check-tamper-protection',
    entry: 'tp-check-status',
    applies: (facts) => serviceState(facts, 'sense') === 'RUNNING' && facts.IsTamperProtected === undefined,
  },
  // Defender runs; its cloud connection was not tested yet.
  {
    id: 'test-cloud-connection-status',
    entry: 'maps-connection-test',
    applies: (facts) => facts.ValidateMapsConnection === undefined && facts.AMRunningMode !== undefined,
  },
] satisfies NextStep[]);

/** The entry that explains each setting the parsers read, for output that shows a setting and nothing wrong. */
export const SETTING_ENTRIES: Readonly<Record<string, string>> = Object.freeze({
  MAPSReporting: 'maps-check-setting',
  SubmitSamplesConsent: 'sample-submission',
  DisableBlockAtFirstSeen: 'block-at-first-sight',
  CloudBlockLevel: 'cloud-protection-level',
  CloudExtendedTimeout: 'cloud-protection-level',
  IsTamperProtected: 'tp-check-status',
  TamperProtectionSource: 'tp-check-status',
  TamperProtectionRegistryValue: 'tp-check-status',
  TPExclusions: 'tp-exclusions',
  ForceDefenderPassiveMode: 'server-passive-mode',
  AMRunningMode: 'server-passive-mode',
  TroubleShootingMode: 'troubleshooting-mode',
  DisableRealtimeMonitoring: 'disable-realtime-temporarily',
  RealTimeProtectionEnabled: 'disable-realtime-temporarily',
  ValidateMapsConnection: 'maps-connection-test',
});
