import { describe, expect, it } from 'vitest';

import { diagnose } from '../../src/diagnosis/diagnose.js';
import { DIAGNOSIS_RULES, NEXT_STEPS, SETTING_ENTRIES } from '../../src/diagnosis/diagnosis-rules.js';
import { FINDING_TEXT } from '../../src/i18n/finding-messages.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import type { Facts } from '../../src/parsing/facts.js';
import { ROOT } from '../support/start-test-app.js';

const maps = (hresult: string): Facts => ({ ValidateMapsConnection: { ok: false, hresult, httpCode: 451 } });

// One row per rule: facts that must fire it, and close facts that must not.
const CASES: Record<string, { fires: Facts[]; quiet: Facts[] }> = {
  'antivirus-not-running': {
    fires: [{ AMRunningMode: 'Not running' }],
    quiet: [{ AMRunningMode: 'Normal' }, { AMRunningMode: 'Passive Mode' }],
  },
  'windefend-not-running': {
    fires: [{ services: { windefend: { state: 'STOPPED', exitCode: 0 } } }],
    quiet: [{ services: { windefend: { state: 'RUNNING' } } }, { services: { sense: { state: 'STOPPED' } } }],
  },
  'realtime-protection-off': {
    fires: [
      { RealTimeProtectionEnabled: false },
      { RealTimeProtectionEnabled: false, AMRunningMode: 'Normal' },
      { DisableRealtimeMonitoring: true },
    ],
    quiet: [
      { RealTimeProtectionEnabled: true },
      { RealTimeProtectionEnabled: false, AMRunningMode: 'Passive Mode' },
      { RealTimeProtectionEnabled: false, AMRunningMode: 'Not running' },
      { DisableRealtimeMonitoring: false },
    ],
  },
  'maps-not-elevated': {
    fires: [maps('0x80070005')],
    quiet: [maps('0x80508015'), { ValidateMapsConnection: { ok: true } }],
  },
  'maps-cloud-disabled-or-blocked': { fires: [maps('0x80508015')], quiet: [maps('0x80070005')] },
  'maps-crl-or-tls': { fires: [maps('0x80072F8F')], quiet: [maps('0x80072EFE')] },
  // Learn's root cause for 0x80070006 and 0x80072EFE (as for 0x80072F8F): no system-wide WinHTTP proxy, so no CRL.
  'maps-no-winhttp-proxy': {
    fires: [maps('0x80070006'), maps('0x80072EFE')],
    quiet: [maps('0x80072F8F'), maps('0x80072EFD'), maps('0x80004005')],
  },
  'maps-service-disabled': { fires: [maps('0x800106BA')], quiet: [maps('0x80070005')] },
  'maps-os-unsupported': { fires: [maps('0x80070667')], quiet: [maps('0x80070005')] },
  'maps-network': {
    fires: [maps('0x80072EFD'), maps('0x80004005')],
    quiet: [maps('0x80070005'), maps('0x80072F8F'), maps('0x80070006'), maps('0x80072EFE')],
  },
  'maps-unknown-code': {
    fires: [maps('0x8007000E'), { ValidateMapsConnection: { ok: false } }],
    quiet: [maps('0x80070005'), maps('0x80070006'), { ValidateMapsConnection: { ok: true } }],
  },
  'cloud-protection-off': { fires: [{ MAPSReporting: 0 }], quiet: [{ MAPSReporting: 1 }, { MAPSReporting: 2 }] },
  'sample-submission-never': {
    fires: [{ SubmitSamplesConsent: 2 }],
    quiet: [{ SubmitSamplesConsent: 1 }, { SubmitSamplesConsent: 3 }],
  },
  'block-at-first-sight-off': {
    fires: [{ DisableBlockAtFirstSeen: true }],
    quiet: [{ DisableBlockAtFirstSeen: false }],
  },
  'tamper-protection-off': { fires: [{ IsTamperProtected: false }], quiet: [{ IsTamperProtected: true }, {}] },
  'passive-mode-not-applied': {
    fires: [{ ForceDefenderPassiveMode: 1, AMRunningMode: 'Normal' }],
    quiet: [{ ForceDefenderPassiveMode: 1, AMRunningMode: 'Passive Mode' }, { AMRunningMode: 'Normal' }],
  },
  'sense-not-running': {
    fires: [
      { services: { sense: { state: 'STOPPED', exitCode: 1077 } } },
      { services: { sense: { state: 'NOT_INSTALLED', exitCode: 1060 } } },
    ],
    quiet: [{ services: { sense: { state: 'RUNNING' } } }, { services: { sens: { state: 'STOPPED' } } }],
  },
  'signatures-out-of-date': {
    fires: [{ AntivirusSignatureAge: 8 }, { AntivirusSignatureAge: null }],
    quiet: [{ AntivirusSignatureAge: 7 }, { AntivirusSignatureAge: null, AMRunningMode: 'Not running' }],
  },
  'event-realtime-disabled': { fires: [{ eventIds: [5001] }], quiet: [{ eventIds: [5000] }] },
  'event-malware-detected': { fires: [{ eventIds: [1116] }], quiet: [{ eventIds: [5007] }] },
  'event-tamper-blocked': { fires: [{ eventIds: [5007, 5013] }], quiet: [{ eventIds: [5007] }] },
  'event-configuration-changed': { fires: [{ eventIds: [5007] }], quiet: [{ eventIds: [5013] }] },
  'event-error-codes': {
    fires: [{ eventIds: [5007], eventErrorCodes: ['0x80508015'] }],
    quiet: [{ eventIds: [5007], eventErrorCodes: [] }],
  },
  'cloud-block-level-aggressive': {
    fires: [{ CloudBlockLevel: 4 }, { CloudBlockLevel: 6 }],
    quiet: [{ CloudBlockLevel: 2 }, { CloudBlockLevel: 0 }],
  },
  'tamper-registry-read': { fires: [{ TamperProtectionRegistryValue: 5 }], quiet: [{ TPExclusions: 1 }] },
  'exclusions-hidden': { fires: [{ ExclusionsVisible: false }], quiet: [{ ExclusionsVisible: true }] },
  'tp-exclusions-state': {
    fires: [{ TPExclusions: 1 }, { TPExclusions: 0 }],
    quiet: [{ TamperProtectionRegistryValue: 1 }],
  },
  'troubleshooting-mode-on': {
    fires: [{ TroubleShootingMode: 'Enabled' }],
    quiet: [{ TroubleShootingMode: 'Disabled' }],
  },
  'antivirus-passive': {
    fires: [{ AMRunningMode: 'Passive Mode' }, { AMRunningMode: 'EDR Block Mode' }],
    quiet: [{ AMRunningMode: 'Normal' }],
  },
  'maps-connection-ok': { fires: [{ ValidateMapsConnection: { ok: true } }], quiet: [maps('0x80070005')] },
  'tamper-protection-on': { fires: [{ IsTamperProtected: true }], quiet: [{ IsTamperProtected: false }] },
  'sense-running': {
    fires: [{ services: { sense: { state: 'RUNNING', exitCode: 0 } } }],
    quiet: [{ services: { sense: { state: 'STOPPED' } } }],
  },
};

const ids = (facts: Facts): string[] => diagnose(facts).findings.map((finding) => finding.id);

describe('diagnosis rules', () => {
  it('has a test row, and text in both languages, for every rule', () => {
    expect(Object.keys(CASES).sort()).toEqual(DIAGNOSIS_RULES.map((rule) => rule.id).sort());
    for (const rule of DIAGNOSIS_RULES) {
      // Both fields in both languages, the Japanese text in Japanese, the English text without Japanese script.
      const japanese = expect.stringMatching(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u);
      const english = expect.stringMatching(/^[^\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]*[a-z]/u);
      expect(FINDING_TEXT[rule.id], rule.id).toEqual({
        ja: { title: japanese, next: japanese },
        en: { title: english, next: english },
      });
    }
  });

  for (const [id, { fires, quiet }] of Object.entries(CASES)) {
    it(`${id} fires on its evidence and not otherwise`, () => {
      for (const facts of fires) expect(ids(facts), JSON.stringify(facts)).toContain(id);
      for (const facts of quiet) expect(ids(facts), JSON.stringify(facts)).not.toContain(id);
    });
  }

  it('sends 0x80070006, 0x80072F8F and 0x80072EFE to the WinHTTP proxy / CRL fix first', () => {
    for (const code of ['0x80070006', '0x80072F8F', '0x80072EFE']) {
      const diagnosis = diagnose(maps(code));
      expect(diagnosis.entries[0], code).toBe('winhttp-proxy');
      expect(
        diagnosis.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.entry),
        code,
      ).toEqual(['winhttp-proxy']);
    }
  });

  it('points tamper protection off to the entry for how the device is managed', () => {
    const entryFor = (facts: Facts): string | undefined =>
      diagnose(facts).findings.find((finding) => finding.id === 'tamper-protection-off')?.entry;
    expect(entryFor({ IsTamperProtected: false, services: { sense: { state: 'RUNNING' } } })).toBe('tp-enable-mde');
    expect(
      entryFor({
        IsTamperProtected: false,
        TamperProtectionSource: 'Intune',
        services: { sense: { state: 'RUNNING' } },
      }),
    ).toBe('tp-enable-intune');
    expect(entryFor({ IsTamperProtected: false, services: { sense: { state: 'STOPPED' } } })).toBe(
      'tp-enable-unmanaged',
    );
    expect(entryFor({ IsTamperProtected: false })).toBe('tp-cannot-enable');
  });

  it('orders findings by severity, errors first, and lists their entries once', () => {
    const diagnosis = diagnose({ IsTamperProtected: true, MAPSReporting: 0, ...maps('0x80508015') });
    expect(diagnosis.findings.map((finding) => finding.severity)).toEqual(['error', 'error', 'info']);
    expect(diagnosis.entries).toEqual(['maps-error-cloud-disabled', 'cloud-protection-enable', 'tp-check-status']);
  });

  it('keeps the evidence of each finding', () => {
    const [finding] = diagnose({ ...maps('0x80508015'), MAPSReporting: 2 }).findings;
    expect(finding?.evidence).toEqual({
      'ValidateMapsConnection.hresult': '0x80508015',
      'ValidateMapsConnection.httpCode': 451,
      MAPSReporting: 2,
    });
  });

  it('asks for the output that would settle an open question', () => {
    expect(diagnose(maps('0x80508015')).hints).toEqual(['maps-reporting', 'collection-snippet']);
    expect(diagnose({ IsTamperProtected: false, ValidateMapsConnection: { ok: true } }).hints).toEqual([
      'sense-state',
      'collection-snippet',
    ]);
    expect(diagnose({ ValidateMapsConnection: { ok: true }, IsTamperProtected: true }).hints).toEqual([]);
  });
});

describe('next-step commands', () => {
  it('name commands that exist in the knowledge, so the card shows their exact text', () => {
    const knowledge = loadKnowledge(`${ROOT}knowledge`);
    const refs = DIAGNOSIS_RULES.flatMap((rule) => (rule.next ? [rule.next] : []));
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs)
      expect(
        knowledge.byId.get(ref.entry)?.commands.map((command) => command.id),
        `${ref.entry}/${ref.command}`,
      ).toContain(ref.command);
  });
});

describe('the next step when nothing is wrong', () => {
  it.each([
    [{ MAPSReporting: 2, SubmitSamplesConsent: 1 }, 'maps-connection-test'],
    [{ ValidateMapsConnection: { ok: true } }, 'maps-check-setting'],
    [{ services: { sense: { state: 'RUNNING' } } }, 'tp-check-status'],
    [{ AMRunningMode: 'Normal', AntivirusEnabled: true, RealTimeProtectionEnabled: true }, 'maps-connection-test'],
    [{ ValidateMapsConnection: { ok: true }, MAPSReporting: 2 }, 'maps-connection-test'],
    [{ DisableBlockAtFirstSeen: false }, 'block-at-first-sight'],
    [{ TamperProtectionSource: 'Intune' }, 'tp-check-status'],
    [{ ForceDefenderPassiveMode: 1 }, 'server-passive-mode'],
  ])('after %j is %s', (facts, entry) => {
    const diagnosis = diagnose(facts);
    expect(diagnosis.findings.filter((finding) => finding.severity !== 'info')).toEqual([]);
    expect(diagnosis.nextStep).toBe(entry);
  });

  it('is left to the findings when something is wrong', () => {
    expect(diagnose({ MAPSReporting: 0 }).nextStep).toBeUndefined();
    expect(diagnose(maps('0x80072F8F')).nextStep).toBeUndefined();
  });

  it('names entries that exist in the knowledge', () => {
    const knowledge = loadKnowledge(`${ROOT}knowledge`);
    for (const entry of [...NEXT_STEPS.map((step) => step.entry), ...Object.values(SETTING_ENTRIES)])
      expect(knowledge.byId.has(entry), entry).toBe(true);
  });
});
