import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { COLLECTION_SNIPPET } from '../../src/diagnosis/collection-snippet.js';
import { readPaste } from '../../src/diagnosis/read-paste.js';
import { PROPERTY_KINDS, type PropertyFact } from '../../src/parsing/facts.js';
import { ROOT } from '../support/start-test-app.js';

const fixture = (file: string): string => readFileSync(join(ROOT, 'test/fixtures/pasted', file), 'utf8');
const SAMPLE: Partial<Record<PropertyFact, string>> = {
  AMProductVersion: '4.18.24050.7',
  AMRunningMode: 'Normal',
  AMServiceEnabled: 'True',
  AntivirusEnabled: 'True',
  RealTimeProtectionEnabled: 'True',
  IsTamperProtected: 'False',
  TamperProtectionSource: 'E5 transition',
  TroubleShootingMode: 'Disabled',
  AntivirusSignatureAge: '12',
  MAPSReporting: '0',
  SubmitSamplesConsent: '2',
  CloudBlockLevel: '4',
  CloudExtendedTimeout: '0',
  DisableBlockAtFirstSeen: 'True',
  DisableRealtimeMonitoring: 'False',
};

/** The properties each `Select-Object` line of the snippet asks for. */
const selected = (): string[] =>
  [...COLLECTION_SNIPPET.matchAll(/Select-Object ([A-Za-z,]+)/gu)].flatMap((match) => (match[1] ?? '').split(','));

/** What `Select-Object ... | Format-List` prints: one "Name : Value" line per property, names padded to one width. */
function formatList(names: readonly string[]): string {
  const width = Math.max(...names.map((name) => name.length));
  return names.map((name) => `${name.padEnd(width)} : ${SAMPLE[name as PropertyFact] ?? ''}`).join('\n');
}

describe('the collection snippet', () => {
  it('only reads: no Set-, Remove-, Add-, New-, Start-, Stop- cmdlets or registry writes', () => {
    expect(COLLECTION_SNIPPET).not.toMatch(/\b(Set|Remove|Add|New|Start|Stop|Restart|Enable|Disable)-[A-Z]/u);
    expect(COLLECTION_SNIPPET).not.toMatch(/reg(\.exe)?\s+(add|delete|import)/iu);
    expect(COLLECTION_SNIPPET).not.toMatch(/sc(\.exe)?\s+(config|start|stop|delete)/iu);
  });

  it('asks only for properties the parsers type', () => {
    for (const name of selected()) expect(Object.keys(PROPERTY_KINDS), name).toContain(name);
  });

  it('prints output that the parsers read completely', () => {
    const [status = [], preference = []] = [...COLLECTION_SNIPPET.matchAll(/Select-Object ([A-Za-z,]+)/gu)].map(
      (match) => (match[1] ?? '').split(','),
    );
    const output = [
      `PS C:\\> ${COLLECTION_SNIPPET.split('\n')[0]}`,
      '',
      formatList(status),
      '',
      formatList(preference),
      '',
      fixture('sc-query-doc-sense-windefend-running.txt'),
      '',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows Defender\\Features',
      '    TPExclusions    REG_DWORD    0x1',
      '',
      fixture('validatemaps-repo-success-networkinfo-banner.txt'),
    ].join('\r\n');
    const reading = readPaste(output, undefined);
    expect(reading?.formats).toEqual(['validate-maps', 'mp-properties', 'sc-query', 'reg-query']);
    for (const name of selected()) expect(reading?.facts, name).toHaveProperty(name);
    expect(reading?.facts).toMatchObject({
      MAPSReporting: 0,
      SubmitSamplesConsent: 2,
      IsTamperProtected: false,
      AntivirusSignatureAge: 12,
      TPExclusions: 1,
      ValidateMapsConnection: { ok: true },
      services: { sense: { state: 'RUNNING' }, windefend: { state: 'RUNNING' } },
    });
    expect(reading?.diagnosis.findings.map((finding) => finding.id)).toEqual(
      expect.arrayContaining([
        'cloud-protection-off',
        'sample-submission-never',
        'block-at-first-sight-off',
        'tamper-protection-off',
        'signatures-out-of-date',
      ]),
    );
  });
});
