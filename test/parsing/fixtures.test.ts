import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { Facts } from '../../src/parsing/facts.js';
import { parsePaste } from '../../src/parsing/parse-paste.js';
import { ROOT } from '../support/start-test-app.js';

const DIR = join(ROOT, 'test/fixtures/pasted');
const read = (file: string): string => readFileSync(join(DIR, file), 'utf8');

// Expected facts per real paste (test/fixtures/pasted/README.md says where each comes from).
const EXPECTED: Record<string, { formats: string[]; facts: Facts }> = {
  'get-mpcomputerstatus-doc-ddmmyyyy-partial.txt': {
    formats: ['mp-properties'],
    facts: {
      AMProductVersion: '4.18.2209.7',
      AMRunningMode: 'Normal',
      AMServiceEnabled: true,
      AntivirusEnabled: true,
      AntivirusSignatureAge: 0,
    },
  },
  'get-mpcomputerstatus-doc-normal.txt': {
    formats: ['mp-properties'],
    facts: {
      AMProductVersion: '4.18.24050.7',
      AMRunningMode: 'Normal',
      AntivirusEnabled: true,
      AntivirusSignatureAge: 1,
      IsTamperProtected: false,
      RealTimeProtectionEnabled: true,
      TamperProtectionSource: 'E5 transition',
      TroubleShootingMode: 'Disabled',
    },
  },
  'get-mpcomputerstatus-doc-server-not-running.txt': {
    formats: ['mp-properties'],
    facts: {
      AMRunningMode: 'Not running',
      AntivirusEnabled: false,
      AntivirusSignatureAge: null,
      IsTamperProtected: false,
      RealTimeProtectionEnabled: false,
      TamperProtectionSource: 'Signatures',
    },
  },
  'get-mppreference-repo-name-value-table-indented.txt': {
    formats: ['mp-properties'],
    facts: { CloudBlockLevel: 1, MAPSReporting: 2, SubmitSamplesConsent: 1 },
  },
  'get-mppreference-repo-nonadmin-cloudblocklevel-1-2023.txt': {
    formats: ['mp-properties'],
    facts: {
      CloudBlockLevel: 1,
      CloudExtendedTimeout: 1,
      DisableBlockAtFirstSeen: false,
      DisableRealtimeMonitoring: false,
      MAPSReporting: 2,
      SubmitSamplesConsent: 1,
      ExclusionsVisible: false,
    },
  },
  'get-mppreference-repo-nonadmin-na-exclusions-2021.txt': {
    formats: ['mp-properties'],
    facts: {
      CloudBlockLevel: 0,
      MAPSReporting: 0,
      SubmitSamplesConsent: 0,
      DisableBlockAtFirstSeen: false,
      ExclusionsVisible: false,
    },
  },
  'get-mppreference-repo-servicefabric-trailing-spaces.txt': {
    formats: ['mp-properties'],
    facts: { MAPSReporting: 2, SubmitSamplesConsent: 1, DisableRealtimeMonitoring: false },
  },
  'get-mppreference-repo-truncated-realtime-disabled.txt': {
    formats: ['mp-properties'],
    facts: { DisableRealtimeMonitoring: true, DisableBlockAtFirstSeen: false },
  },
  'getfiles-repo-typicaldao-reinvoke-elided.txt': {
    formats: ['validate-maps'],
    facts: { ValidateMapsConnection: { ok: true } },
  },
  'mpcmdrun-page-scan-cmdtool-failed-80508023.txt': { formats: [], facts: {} },
  'sc-query-doc-sense-windefend-running.txt': {
    formats: ['sc-query'],
    facts: { services: { sense: { state: 'RUNNING', exitCode: 0 }, windefend: { state: 'RUNNING', exitCode: 0 } } },
  },
  'validatemaps-doc-error-80004005-httpcode-450.txt': {
    formats: ['validate-maps'],
    facts: { ValidateMapsConnection: { ok: false, hresult: '0x80004005', httpCode: 450 } },
  },
  'validatemaps-doc-error-800106ba-service-disabled.txt': {
    formats: ['validate-maps'],
    facts: { ValidateMapsConnection: { ok: false, hresult: '0x800106BA' } },
  },
  'validatemaps-doc-error-80070005-httpcode-450.txt': {
    formats: ['validate-maps'],
    facts: { ValidateMapsConnection: { ok: false, hresult: '0x80070005', httpCode: 450 } },
  },
  'validatemaps-doc-error-80072ee7-httpcode-451.txt': {
    formats: ['validate-maps'],
    facts: { ValidateMapsConnection: { ok: false, hresult: '0x80072EE7', httpCode: 451 } },
  },
  'validatemaps-doc-failure-80070006.txt': {
    formats: ['validate-maps'],
    facts: { ValidateMapsConnection: { ok: false, hresult: '0x80070006', httpCode: 451 } },
  },
  'validatemaps-doc-failure-80072efe.txt': {
    formats: ['validate-maps'],
    facts: { ValidateMapsConnection: { ok: false, hresult: '0x80072EFE', httpCode: 451 } },
  },
  'validatemaps-doc-failure-80072f8f.txt': {
    formats: ['validate-maps'],
    facts: { ValidateMapsConnection: { ok: false, hresult: '0x80072F8F', httpCode: 451 } },
  },
  'validatemaps-page-success-oneline.txt': {
    formats: ['validate-maps'],
    facts: { ValidateMapsConnection: { ok: true } },
  },
  'validatemaps-repo-success-networkinfo-banner.txt': {
    formats: ['validate-maps'],
    facts: {
      ValidateMapsConnection: { ok: true, connectedToInternet: true, lastSuccessfulConnection: '8/20/2025 6:36:34 PM' },
    },
  },
  'event-1116-repo-format-list-amsi.txt': { formats: ['event-log'], facts: { eventIds: [1116] } },
  'event-1116-repo-format-list-concrete-system-scan.txt': { formats: ['event-log'], facts: { eventIds: [1116] } },
  'event-1116-repo-format-list-two-behavior-events.txt': { formats: ['event-log'], facts: { eventIds: [1116] } },
  'event-1116-repo-table-truncated-message.txt': { formats: ['event-log'], facts: { eventIds: [1116] } },
  'event-5007-page-format-list-exclusion-path.txt': { formats: ['event-log'], facts: { eventIds: [5007] } },
  'event-5007-repo-asr-exclusion-manual-wrap.txt': { formats: ['event-log'], facts: { eventIds: [5007] } },
  'event-5007-repo-fl-message-only-narrower-wrap.txt': { formats: ['event-log'], facts: { eventIds: [5007] } },
  'event-5013-issue-message-value-current.txt': { formats: ['event-log'], facts: { eventIds: [5013] } },
  'event-5013-repo-flattened-three-values.txt': { formats: ['event-log'], facts: { eventIds: [5013] } },
  'get-mpcomputerstatus-issue-select-amrunningmode-passive-audit-mode.txt': {
    formats: ['mp-properties'],
    facts: { AMRunningMode: 'Passive Audit Mode' },
  },
  'get-mpcomputerstatus-repo-2019-no-amrunningmode-trailing-spaces.txt': {
    formats: ['mp-properties'],
    facts: {
      AMProductVersion: '4.18.1905.4',
      AMServiceEnabled: true,
      AntivirusEnabled: true,
      AntivirusSignatureAge: 0,
      RealTimeProtectionEnabled: true,
    },
  },
  'get-mpcomputerstatus-repo-2021-list-tdtstatus.txt': {
    formats: ['mp-properties'],
    facts: {
      AMProductVersion: '4.18.2107.4',
      AMRunningMode: 'Normal',
      AMServiceEnabled: true,
      AntivirusEnabled: true,
      AntivirusSignatureAge: 0,
      IsTamperProtected: true,
      RealTimeProtectionEnabled: true,
      TamperProtectionSource: 'Signatures',
    },
  },
  'get-mpcomputerstatus-repo-select-istamperprotected-table.txt': {
    formats: ['mp-properties'],
    facts: { IsTamperProtected: true },
  },
  'get-mpcomputerstatus-repo-select-three-columns-table.txt': {
    formats: ['mp-properties'],
    facts: { AntivirusEnabled: true, RealTimeProtectionEnabled: true, AMRunningMode: 'Normal' },
  },
  'get-mpcomputerstatus-repo-select-three-props-list.txt': {
    formats: ['mp-properties'],
    facts: { AntivirusEnabled: true, RealTimeProtectionEnabled: true, IsTamperProtected: true },
  },
  'reg-query-repo-tamperprotection-0x1-cmd-prompt.txt': {
    formats: ['reg-query'],
    facts: { TamperProtectionRegistryValue: 1 },
  },
  'reg-query-repo-tamperprotection-0x5-expected-output.txt': {
    formats: ['reg-query'],
    facts: { TamperProtectionRegistryValue: 5 },
  },
  'sc-query-issue-windefend-passive-mode-stoppable.txt': {
    formats: ['sc-query'],
    facts: { services: { windefend: { state: 'RUNNING', exitCode: 0 } } },
  },
  'sc-query-issue-wscsvc-failed-1060-server.txt': { formats: [], facts: {} },
  'sc-query-page-webclient-failed-5-access-denied.txt': { formats: [], facts: {} },
  'sc-query-repo-sense-stopped-exit-0-after-offboarding.txt': {
    formats: ['sc-query'],
    facts: { services: { sense: { state: 'STOPPED', exitCode: 0 } } },
  },
  'sc-query-repo-state-all-sense-stopped-1077.txt': {
    formats: ['sc-query'],
    facts: { services: { sense: { state: 'STOPPED', exitCode: 1077 } } },
  },
  'sc-query-repo-state-all-windefend-running-not-stoppable.txt': {
    formats: ['sc-query'],
    facts: { services: { windefend: { state: 'RUNNING', exitCode: 0 } } },
  },
  'sc-query-repo-windefend-prompt-trailing-spaces.txt': {
    formats: ['sc-query'],
    facts: { services: { windefend: { state: 'RUNNING', exitCode: 0 } } },
  },
  'get-mppreference-repo-notes-partial-na-an-administrator.txt': {
    formats: ['mp-properties'],
    facts: {
      AMServiceEnabled: true,
      AntivirusEnabled: true,
      RealTimeProtectionEnabled: true,
      IsTamperProtected: true,
      ExclusionsVisible: false,
    },
  },
};

// Ways people, chat clients and Teams change a paste; each must read exactly the facts of the original.
const escapeHtml = (text: string): string => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
const lines = (text: string): string[] => text.replace(/\r\n?/gu, '\n').replace(/\n$/u, '').split('\n');
const VARIANTS: Record<string, (text: string) => string> = {
  'Windows line endings': (text) => text.replace(/\r?\n/gu, '\r\n'),
  'lines collapsed to spaces by Teams': (text) => text.replace(/\r?\n/gu, ' '),
  // What the Agents Playground (and some Teams clients) send: the lines glued together with nothing between them.
  'line breaks removed': (text) => text.replace(/\r?\n/gu, ''),
  'quoted with "> "': (text) =>
    text
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n'),
  'commented with "# "': (text) =>
    text
      .split('\n')
      .map((line) => `# ${line}`)
      .join('\n'),
  'numbered "1. "': (text) =>
    lines(text)
      .map((line, index) => `${index + 1}. ${line}`)
      .join('\n'),
  'numbered like an editor "  1 "': (text) =>
    lines(text)
      .map((line, index) => `${String(index + 1).padStart(3)} ${line}`)
      .join('\n'),
  'indented by four spaces': (text) =>
    text
      .split('\n')
      .map((line) => `    ${line}`)
      .join('\n'),
  'chat text around it': (text) => `Hi, this is what I get on the user's PC:\n\n${text}\n\nWhat should I do next?`,
  'Japanese chat text around it': (text) =>
    `お疲れ様です。ユーザーの PC で以下の結果でした。\n${text}\n次に何を確認すればよいですか？`,
  'one <p> per line': (text) =>
    lines(text)
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join(''),
  'lines joined by <br>': (text) => `<p>${lines(text).map(escapeHtml).join('<br>')}</p>`,
  'in <pre>': (text) => `<pre>${escapeHtml(text)}</pre>`,
  'in <pre><code> with a language': (text) => `<pre><code class="language-powershell">${escapeHtml(text)}</code></pre>`,
  'one <code> per line': (text) =>
    lines(text)
      .map((line) => `<code>${escapeHtml(line)}</code><br/>`)
      .join(''),
  "in Teams' <div>s": (text) =>
    `<div><div>${lines(text)
      .map((line) => `<div>${escapeHtml(line) || '<br>'}</div>`)
      .join('')}</div></div>`,
  "in Teams' <div>s with spaces as &nbsp;": (text) =>
    `<div>${lines(text)
      .map((line) => `<div>${escapeHtml(line).replace(/ /gu, '&nbsp;')}</div>`)
      .join('')}</div>`,
};

const fixtures = readdirSync(DIR)
  .filter((file) => file.endsWith('.txt'))
  .sort();

describe('parsePaste on real pastes', () => {
  it('has expected facts for every fixture file', () => {
    expect(fixtures.filter((file) => !(file in EXPECTED))).toEqual([]);
  });

  for (const file of fixtures) {
    const expected = EXPECTED[file];
    if (!expected) continue;
    it(`reads ${file}`, () => {
      const result = parsePaste(read(file));
      expect(result.formats).toEqual(expected.formats);
      expect(result.facts).toMatchObject(expected.facts as Record<string, unknown>);
      if (expected.formats.length === 0) expect(result.facts).toEqual({});
    });

    for (const [variant, change] of Object.entries(VARIANTS)) {
      it(`reads ${file} ${variant} into the same facts`, () => {
        const original = parsePaste(read(file));
        expect(parsePaste(change(read(file))).facts).toEqual(original.facts);
      });
    }

    // Cut after half its lines (a message limit, a paste that stopped early): every shape reads what that part holds.
    it(`reads the first half of ${file} the same in every shape`, () => {
      const all = lines(read(file));
      const half = `${all.slice(0, Math.ceil(all.length / 2)).join('\n')}\n`;
      const original = parsePaste(half).facts;
      const differing = Object.entries(VARIANTS).filter(
        ([, change]) => JSON.stringify(parsePaste(change(half)).facts) !== JSON.stringify(original),
      );
      expect(differing.map(([variant]) => variant)).toEqual([]);
    });

    it(`reads a truncated ${file} without throwing`, () => {
      const text = read(file);
      const result = parsePaste(text.slice(0, Math.floor(text.length / 2)));
      for (const format of result.formats)
        expect(['validate-maps', 'mp-properties', 'sc-query', 'reg-query', 'event-log', 'bare-value']).toContain(
          format,
        );
    });
  }

  it('reads sc query output laid out with tabs', () => {
    const text = read('sc-query-repo-state-all-sense-stopped-1077.txt').replace(/ {2,}/gu, '\t');
    expect(parsePaste(text).facts).toEqual({ services: { sense: { state: 'STOPPED', exitCode: 1077 } } });
  });

  it('keeps SENS (System Event Notification) apart from Sense', () => {
    const text = read('sc-query-doc-sense-windefend-running.txt').replace('SERVICE_NAME: sense', 'SERVICE_NAME: SENS');
    expect(Object.keys(parsePaste(text).facts.services ?? {}).sort()).toEqual(['sens', 'windefend']);
  });

  it('reads the output after a command typed with an en dash', () => {
    const text = `C:\\> "%ProgramFiles%\\Windows Defender\\MpCmdRun.exe" –ValidateMapsConnection\n${read('validatemaps-doc-failure-80072f8f.txt')}`;
    expect(parsePaste(text).facts.ValidateMapsConnection).toEqual({ ok: false, hresult: '0x80072F8F', httpCode: 451 });
  });

  it('reads a value the user states in words, not a bare mention', () => {
    expect(parsePaste('(Get-MpPreference).MAPSReporting\n2').facts).toEqual({ MAPSReporting: 2 });
    expect(parsePaste('MAPSReporting は 0 でした').facts).toEqual({ MAPSReporting: 0 });
    expect(parsePaste('SubmitSamplesConsent is 2 on that laptop').facts).toEqual({ SubmitSamplesConsent: 2 });
    expect(parsePaste('what does MAPSReporting 0 mean?').formats).toEqual([]);
  });

  it('reads several outputs in one message and merges them', () => {
    const text = [
      read('sc-query-doc-sense-windefend-running.txt'),
      read('validatemaps-doc-failure-80072f8f.txt'),
      read('get-mpcomputerstatus-doc-normal.txt'),
    ].join('\n\n');
    const result = parsePaste(text);
    expect(result.formats).toEqual(['validate-maps', 'mp-properties', 'sc-query']);
    expect(result.facts).toMatchObject({
      IsTamperProtected: false,
      ValidateMapsConnection: { ok: false, hresult: '0x80072F8F' },
      services: { sense: { state: 'RUNNING' } },
    });
  });
});
