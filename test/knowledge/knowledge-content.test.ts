import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { Language } from '../../src/i18n/language.js';
import { CATALOGUE_IDS, CATALOGUE_POLICY } from '../../src/knowledge/catalogue-ids.js';
import type { KnowledgeEntry } from '../../src/knowledge/knowledge-entry.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { ROOT } from '../support/start-test-app.js';

// Content tests load the real knowledge/ so that a bad entry fails CI, not production.
const knowledge = loadKnowledge(join(ROOT, 'knowledge'), CATALOGUE_POLICY);

const entry = (id: string): KnowledgeEntry => {
  const found = knowledge.byId.get(id);
  if (!found) throw new Error(`no entry '${id}'`);
  return found;
};

/** All prose and commands of an entry in one language. */
const textOf = (id: string, language: Language): string => {
  const item = entry(id);
  const local = item[language];
  return [
    local.title,
    local.answer,
    ...local.steps,
    ...local.warnings.map((warning) => warning.text),
    ...item.commands.map((command) => command.text),
  ].join('\n');
};

const commandTexts = (id: string): string[] => entry(id).commands.map((command) => command.text);
const command = (id: string, text: string): KnowledgeEntry['commands'][number] | undefined =>
  entry(id).commands.find((item) => item.text === text);

describe('knowledge/ as shipped', () => {
  it('has every catalogue id with both languages', () => {
    for (const id of CATALOGUE_IDS) {
      expect(entry(id).ja.title, id).not.toBe('');
      expect(entry(id).en.title, id).not.toBe('');
    }
    expect(knowledge.entries.length).toBeGreaterThanOrEqual(CATALOGUE_IDS.length);
  });

  it('links the same pages in both languages', () => {
    const page = (url: string): string => url.replace(/\/(ja-jp|en-us)\//u, '/');
    for (const item of knowledge.entries) {
      expect(item.ja.links.map((link) => page(link.url)).sort(), item.id).toEqual(
        item.en.links.map((link) => page(link.url)).sort(),
      );
    }
  });

  it('links only Learn Defender pages, Defender cmdlet pages and the Japanese support blog', () => {
    const allowed =
      /^https:\/\/(learn\.microsoft\.com\/(ja-jp|en-us)\/(defender-endpoint|powershell\/module\/defender)\/|jp-sec\.github\.io\/blog\/)/u;
    for (const item of knowledge.entries) {
      for (const link of [...item.ja.links, ...item.en.links]) expect(link.url, item.id).toMatch(allowed);
    }
  });

  it('never repeats a sample question across entries', () => {
    for (const language of ['ja', 'en'] as const) {
      const seen = new Map<string, string>();
      for (const item of knowledge.entries) {
        for (const question of item[language].questions) {
          const key = question.normalize('NFKC').toLowerCase().trim();
          expect(seen.get(key) ?? item.id, `${language} "${question}" in ${item.id} and ${seen.get(key)}`).toBe(
            item.id,
          );
          seen.set(key, item.id);
        }
      }
    }
  });

  it('warns wherever an entry tells people to weaken protection', () => {
    const weakening = [
      'disable-realtime-temporarily',
      'crl-sslOptions',
      'tls-inspection',
      'slow-first-launch',
      'tp-windows-server',
      'troubleshooting-mode',
      'tp-enable-unmanaged',
    ];
    for (const id of weakening) {
      expect(entry(id).ja.warnings.length, id).toBeGreaterThan(0);
      expect(entry(id).en.warnings.length, id).toBeGreaterThan(0);
    }
  });

  it('marks state-changing commands as needing admin and read-only ones as not', () => {
    for (const item of knowledge.entries) {
      for (const { text, admin } of item.commands) {
        if (/^(Set-MpPreference|Set-MPPreference|Remove-MpPreference|reg\.exe add|netsh winhttp set)/u.test(text))
          expect(admin, `${item.id}: ${text}`).toBe(true);
        if (/^(Get-MpComputerStatus|\(Get-MpPreference\)|Get-MpPreference|sc\.exe query|reg\.exe query)/u.test(text))
          expect(admin, `${item.id}: ${text}`).toBe(false);
      }
    }
  });
});

// One or more checks per entry, derived from what ../shared/docs/catalogue.md says each answer must convey.
describe('catalogue facts per entry', () => {
  it('cloud-protection-overview explains MAPS and the metadata-first flow', () => {
    expect(textOf('cloud-protection-overview', 'en')).toContain('Microsoft Active Protection Service');
    expect(textOf('cloud-protection-overview', 'ja')).toContain('MAPS');
    expect(entry('cloud-protection-overview').en.steps).toHaveLength(5);
    expect(entry('cloud-protection-overview').ja.steps).toHaveLength(5);
    expect(textOf('cloud-protection-overview', 'en')).toMatch(/metadata/iu);
  });

  it('cloud-protection-enable has the GPO paths and the PowerShell command', () => {
    expect(command('cloud-protection-enable', 'Set-MpPreference -MAPSReporting Advanced')).toMatchObject({
      shell: 'powershell',
      admin: true,
    });
    expect(textOf('cloud-protection-enable', 'ja')).toContain(
      '[コンピューターの構成]>[管理用テンプレート]>[Windows コンポーネント]>[Microsoft Defender ウイルス対策]>[MAPS]',
    );
    expect(textOf('cloud-protection-enable', 'ja')).toContain('[Microsoft MAPS に参加する]');
    expect(textOf('cloud-protection-enable', 'en')).toContain(
      'Computer Configuration > Administrative Templates > Windows Components > Microsoft Defender Antivirus > MAPS',
    );
    expect(textOf('cloud-protection-enable', 'en')).toContain('Join Microsoft MAPS');
  });

  it('maps-membership says basic and advanced give the same protection on Windows 10 and 11', () => {
    expect(textOf('maps-membership', 'en')).toMatch(/Basic[\s\S]*Advanced/u);
    expect(textOf('maps-membership', 'en')).toMatch(/Windows 10 and (Windows )?11/u);
    expect(textOf('maps-membership', 'ja')).toMatch(/基本[\s\S]*上級/u);
  });

  it('cloud-protection-level owns CloudBlockLevel and covers High and High+', () => {
    expect(entry('cloud-protection-level').properties).toContain('CloudBlockLevel');
    expect(textOf('cloud-protection-level', 'en')).toMatch(/High\+/u);
    expect(textOf('cloud-protection-level', 'en')).toMatch(/false positive/iu);
  });

  it('sample-submission names the policy and the four options', () => {
    expect(entry('sample-submission').properties).toContain('SubmitSamplesConsent');
    expect(textOf('sample-submission', 'en')).toContain('Send file samples when further analysis is required');
    expect(textOf('sample-submission', 'ja')).toContain('[詳細な分析が必要な場合はファイルのサンプルを送信する]');
    for (const option of [
      /safe samples automatically/iu,
      /always prompt/iu,
      /all samples automatically/iu,
      /never send/iu,
    ]) {
      expect(textOf('sample-submission', 'en')).toMatch(option);
    }
  });

  it('block-at-first-sight owns DisableBlockAtFirstSeen and warns against turning it off', () => {
    expect(entry('block-at-first-sight').properties).toContain('DisableBlockAtFirstSeen');
    expect(entry('block-at-first-sight').en.warnings.length).toBeGreaterThan(0);
  });

  it('slow-first-launch explains BAFS holding the file and the exclusion warning', () => {
    expect(entry('slow-first-launch').properties).toContain('CloudExtendedTimeout');
    expect(textOf('slow-first-launch', 'en')).toMatch(/block at first sight|BAFS/iu);
    expect(
      entry('slow-first-launch').en.warnings.some(
        (warning) => warning.level === 'important' && /exclusion/iu.test(warning.text),
      ),
    ).toBe(true);
    expect(
      entry('slow-first-launch').ja.warnings.some(
        (warning) => warning.level === 'important' && /除外/u.test(warning.text),
      ),
    ).toBe(true);
  });

  it('cloud-endpoints points to the services and URLs section', () => {
    expect(
      entry('cloud-endpoints').en.links.some((link) =>
        link.url.includes('configure-network-connections-microsoft-defender-antivirus'),
      ),
    ).toBe(true);
  });

  it('maps-check-setting shows the MAPSReporting check and points to enabling', () => {
    expect(command('maps-check-setting', '(Get-MpPreference).MAPSReporting')).toMatchObject({
      shell: 'powershell',
      admin: false,
    });
    expect(entry('maps-check-setting').properties).toContain('MAPSReporting');
    expect(entry('maps-check-setting').related).toContain('cloud-protection-enable');
  });

  it('maps-connection-test has the exact command and success line', () => {
    expect(
      command('maps-connection-test', '"%ProgramFiles%\\Windows Defender\\MpCmdRun.exe" -ValidateMapsConnection'),
    ).toMatchObject({
      shell: 'cmd',
      admin: true,
    });
    expect(textOf('maps-connection-test', 'en')).toContain(
      'ValidateMapsConnection successfully established a connection to MAPS',
    );
    expect(textOf('maps-connection-test', 'ja')).toContain(
      'ValidateMapsConnection successfully established a connection to MAPS',
    );
  });

  it('maps-error-access-denied owns 0x80070005 and says to run elevated', () => {
    expect(entry('maps-error-access-denied').errorCodes).toEqual(['0x80070005']);
    expect(textOf('maps-error-access-denied', 'en')).toMatch(/administrator/iu);
    expect(textOf('maps-error-access-denied', 'ja')).toContain('管理者');
  });

  it('maps-error-cloud-disabled owns 0x80508015 and gives two checks in order, not two sources that disagree', () => {
    expect(entry('maps-error-cloud-disabled').errorCodes).toEqual(['0x80508015']);
    expect(entry('maps-error-cloud-disabled').en.answer).toMatch(
      /First[\s\S]*MAPSReporting[\s\S]*Second[\s\S]*firewall[\s\S]*TLS inspection/u,
    );
    expect(entry('maps-error-cloud-disabled').ja.answer).toMatch(
      /1 つ目[\s\S]*MAPSReporting[\s\S]*2 つ目[\s\S]*ファイアウォール[\s\S]*TLS インスペクション/u,
    );
    for (const language of ['ja', 'en'] as const) {
      expect(entry('maps-error-cloud-disabled')[language].answer, language).not.toMatch(
        /however|disagree|support blog|一方|サポート ブログ/iu,
      );
    }
    expect(entry('maps-error-cloud-disabled').related).toContain('maps-check-setting');
  });

  it('maps-network-requirements owns the generic network codes, not the WinHTTP proxy ones, and points to the proxy entry', () => {
    expect(entry('maps-network-requirements').errorCodes).toEqual(
      expect.arrayContaining(['0x80004005', '0x80072EE7', '0x80501004']),
    );
    expect(entry('maps-network-requirements').errorCodes).not.toContain('0x80070006');
    expect(entry('maps-network-requirements').errorCodes).not.toContain('0x80072EFE');
    // Review finding: 0x80072EFE is not "connection aborted / timed out" on Learn's network connections page.
    expect(textOf('maps-network-requirements', 'en')).not.toMatch(
      /0x80072EFE = connection aborted|0x80072EFE[^.]*timed out/iu,
    );
    expect(textOf('maps-network-requirements', 'ja')).not.toMatch(/0x80072EFE = 接続の中断/u);
    expect(entry('maps-network-requirements').related).toContain('winhttp-proxy');
  });

  it('winhttp-proxy owns 0x80070006, 0x80072F8F and 0x80072EFE with the CRL root cause first', () => {
    expect([...entry('winhttp-proxy').errorCodes].sort()).toEqual(['0x80070006', '0x80072EFE', '0x80072F8F']);
    expect(entry('winhttp-proxy').en.answer).toMatch(
      /0x80070006, 0x80072F8F or 0x80072EFE, the usual root cause is a device without a system-wide WinHTTP proxy/u,
    );
    expect(entry('winhttp-proxy').ja.answer).toMatch(
      /0x80070006、0x80072F8F、0x80072EFE[\s\S]*WinHTTP プロキシがなく[\s\S]*CRL/u,
    );
    // 0x80070006's MpCmdRun meaning comes second.
    expect(entry('winhttp-proxy').en.answer).toMatch(
      /If 0x80070006 continues once a proxy is set, check for firewall blocking or TLS inspection/u,
    );
    expect(entry('winhttp-proxy').en.warnings.some((warning) => /CRL/u.test(warning.text))).toBe(true);
  });

  it("winhttp-proxy gives the netsh commands without angle brackets, with Learn's caveats, the bypass list and the reset", () => {
    expect(command('winhttp-proxy', 'netsh winhttp set proxy PROXY_HOST:PORT')).toMatchObject({ admin: true });
    expect(
      command('winhttp-proxy', 'netsh winhttp set proxy proxy-server="PROXY_HOST:PORT" bypass-list="BYPASS_LIST"'),
    ).toMatchObject({ admin: true });
    expect(command('winhttp-proxy', 'netsh winhttp reset proxy')).toMatchObject({ admin: true });
    expect(command('winhttp-proxy', 'netsh winhttp show proxy')).toMatchObject({ admin: false });
    for (const language of ['ja', 'en'] as const)
      expect(textOf('winhttp-proxy', language), language).not.toMatch(/<[a-z]+>/u);
    expect(
      entry('winhttp-proxy')
        .en.warnings.map((warning) => warning.text)
        .join(' '),
    ).toMatch(/every app and Windows service[\s\S]*desktops and servers[\s\S]*Laptops/u);
    expect(
      entry('winhttp-proxy')
        .ja.warnings.map((warning) => warning.text)
        .join(' '),
    ).toMatch(/すべてのアプリと Windows サービス[\s\S]*デスクトップ[\s\S]*ノート PC/u);
    expect(command('winhttp-proxy', 'netsh winhttp set proxy PROXY_HOST:PORT')?.purpose.en).toMatch(
      /Replace PROXY_HOST[\s\S]*PORT/u,
    );
  });

  it('crl-sslOptions has the exact reg.exe add line and says it is not recommended', () => {
    expect(commandTexts('crl-sslOptions')).toContain(
      'reg.exe add "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender\\Spynet" /v SSLOptions /t REG_DWORD /d 2 /f',
    );
    expect(entry('crl-sslOptions').en.warnings.some((warning) => /not recommended/iu.test(warning.text))).toBe(true);
    expect(entry('crl-sslOptions').ja.warnings.some((warning) => /推奨/u.test(warning.text))).toBe(true);
    expect(entry('crl-sslOptions').properties).toContain('SSLOptions');
  });

  it('tls-inspection mentions excluding the URLs and SSLOptions 0 or 1', () => {
    expect(textOf('tls-inspection', 'en')).toMatch(/SSLOptions/u);
    expect(textOf('tls-inspection', 'en')).toMatch(/\b0\b[\s\S]*\b1\b/u);
  });

  it('tls-inspection prefers SSLOptions 1 over 0 and never excludes *.blob.core.windows.net from inspection', () => {
    expect(entry('tls-inspection').en.answer).toMatch(/Try 1 first[\s\S]*use 0 only if 1 doesn't help/u);
    expect(entry('tls-inspection').ja.answer).toMatch(/1 を先に試し、0 は 1 で解決しない場合に限って/u);
    expect(entry('tls-inspection').en.answer).toMatch(
      /Never exclude \*\.blob\.core\.windows\.net from any kind of network inspection/u,
    );
    expect(entry('tls-inspection').ja.answer).toMatch(
      /\*\.blob\.core\.windows\.net はどの種類のネットワーク検査からも除外しないでください/u,
    );
  });

  it('tamper-protection-overview links to what happens when TP is on', () => {
    expect(
      entry('tamper-protection-overview').en.links.some((link) =>
        link.url.endsWith('#what-happens-when-tamper-protection-is-turned-on'),
      ),
    ).toBe(true);
  });

  it('tp-enable-unmanaged gives the Windows Security path in both languages', () => {
    // The source article writes the path as "[ウイルスと脅威の防止の設定]>[設定の管理] 画面より [改ざん防止] のトグル".
    expect(textOf('tp-enable-unmanaged', 'ja')).toContain('[ウイルスと脅威の防止の設定]>[設定の管理]');
    expect(textOf('tp-enable-unmanaged', 'ja')).toContain('[改ざん防止]');
    expect(textOf('tp-enable-unmanaged', 'en')).toMatch(/Virus & threat protection settings[\s\S]*Manage settings/u);
  });

  it('tp-enable-mde gives the portal path and the cloud protection warning', () => {
    expect(textOf('tp-enable-mde', 'en')).toMatch(/Settings > Endpoints > Advanced features/u);
    expect(entry('tp-enable-mde').en.warnings.some((warning) => /cloud protection/iu.test(warning.text))).toBe(true);
  });

  it('tp-enable-intune names the Windows Security Experience profile and the tip', () => {
    expect(textOf('tp-enable-intune', 'en')).toContain('Windows Security Experience');
    expect(entry('tp-enable-intune').en.warnings.some((warning) => warning.level === 'tip')).toBe(true);
  });

  it('tp-intune-without-mde warns that Intune enrollment turns TP off', () => {
    expect(entry('tp-intune-without-mde').en.warnings.some((warning) => /Intune/u.test(warning.text))).toBe(true);
  });

  it('tp-check-status has the Select-Object check and the sources', () => {
    expect(commandTexts('tp-check-status')).toContain(
      'Get-MpComputerStatus | Select-Object IsTamperProtected,TamperProtectionSource',
    );
    expect(textOf('tp-check-status', 'en')).toMatch(/ATP[\s\S]*Intune|Intune[\s\S]*ATP/u);
  });

  it('tp-exclusions has the TPExclusions query and the 5013 note', () => {
    expect(commandTexts('tp-exclusions')).toContain(
      'reg.exe query "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows Defender\\Features" /v TPExclusions',
    );
    expect(textOf('tp-exclusions', 'en')).toContain('5013');
    expect(entry('tp-exclusions').properties).toContain('TPExclusions');
  });

  it('tp-cannot-enable covers TelemetryProxyServer and the onboarding article', () => {
    expect(textOf('tp-cannot-enable', 'en')).toContain('TelemetryProxyServer');
    expect(
      entry('tp-cannot-enable').ja.links.some(
        (link) => link.url === 'https://jp-sec.github.io/blog/Endpoint-MDAV-2025-04-30/',
      ),
    ).toBe(true);
  });

  it('tp-protected-settings mentions event 5013', () => {
    expect(textOf('tp-protected-settings', 'en')).toContain('5013');
    expect(textOf('tp-protected-settings', 'ja')).toContain('5013');
  });

  it('event-5013 owns event 5013 and links to the event IDs page', () => {
    expect(entry('event-5013').eventIds).toEqual([5013]);
    expect(
      entry('event-5013').en.links.some((link) => link.url.includes('troubleshoot-microsoft-defender-antivirus')),
    ).toBe(true);
  });

  it('troubleshooting-mode has the status check command', () => {
    expect(commandTexts('troubleshooting-mode')).toContain(
      'Get-MpComputerStatus | Select-Object TroubleShootingMode,TroubleShootingStartTime',
    );
    expect(entry('troubleshooting-mode').properties).toContain('TroubleShootingMode');
  });

  it('tp-windows-server has both DisableTamperProtection commands', () => {
    expect(commandTexts('tp-windows-server')).toEqual(
      expect.arrayContaining([
        'Set-MPPreference -DisableTamperProtection $true',
        'Set-MPPreference -DisableTamperProtection $false',
      ]),
    );
  });

  it('server-passive-mode owns ForceDefenderPassiveMode and covers third-party antivirus', () => {
    expect(entry('server-passive-mode').properties).toContain('ForceDefenderPassiveMode');
    expect(textOf('server-passive-mode', 'en')).toMatch(/third-party/iu);
  });

  it('tp-group-policy says Group Policy cannot turn TP on or off', () => {
    expect(textOf('tp-group-policy', 'en')).toMatch(/Group Policy/u);
    expect(textOf('tp-group-policy', 'en')).toMatch(/can(not|'t)/iu);
  });

  it('tp-registry says registry changes are unsupported', () => {
    expect(textOf('tp-registry', 'en')).toMatch(/not supported/iu);
    expect(textOf('tp-registry', 'ja')).toMatch(/サポートされていません/u);
  });

  it('mde-onboarding-check has sc.exe query Sense and the running state', () => {
    expect(command('mde-onboarding-check', 'sc.exe query Sense')).toMatchObject({ shell: 'cmd', admin: false });
    expect(textOf('mde-onboarding-check', 'en')).toMatch(/STATE\s*:\s*4\s+RUNNING/u);
  });

  it('disable-realtime-temporarily starts with its warning and has the disable and restore commands', () => {
    expect(entry('disable-realtime-temporarily').en.warnings[0]?.level).toBe('warning');
    expect(entry('disable-realtime-temporarily').ja.warnings[0]?.level).toBe('warning');
    expect(commandTexts('disable-realtime-temporarily')).toEqual(
      expect.arrayContaining([
        'sc.exe query Sense',
        'Set-MpPreference -DisableRealtimeMonitoring $true',
        'Remove-MpPreference -DisableRealtimeMonitoring',
        'Set-MPPreference -DisableTamperProtection $true',
        'Set-MPPreference -DisableTamperProtection $false',
      ]),
    );
    expect(textOf('disable-realtime-temporarily', 'en')).toMatch(/headless/iu);
  });

  it('maps-error-service-disabled owns 0x800106BA', () => {
    expect(entry('maps-error-service-disabled').errorCodes).toEqual(['0x800106BA']);
  });

  it('maps-error-os-unsupported owns 0x80070667 and names the old versions', () => {
    expect(entry('maps-error-os-unsupported').errorCodes).toEqual(['0x80070667']);
    expect(textOf('maps-error-os-unsupported', 'en')).toContain('1607');
  });
});

// The corrections from the knowledge review of issue 15 (source article and Microsoft Learn): each fails on the old
// text.
describe('knowledge review corrections', () => {
  const prose = (item: KnowledgeEntry, language: Language): string[] => {
    const local = item[language];
    return [local.title, local.short, local.answer, ...local.steps, ...local.warnings.map((warning) => warning.text)];
  };

  it('calls MAPS the Microsoft Active Protection Service, never "Advanced", in the text people read', () => {
    for (const language of ['ja', 'en'] as const) {
      expect(entry('cloud-protection-overview')[language].answer, language).toContain(
        'Microsoft Active Protection Service',
      );
      for (const item of knowledge.entries)
        for (const text of prose(item, language))
          expect(text, `${item.id} ${language}`).not.toMatch(/Advanced Protection Service/u);
    }
  });

  it('event-5013 says a blocked change nobody made on purpose may be an attack and is escalated', () => {
    expect(
      entry('event-5013')
        .en.warnings.map((warning) => warning.text)
        .join(' '),
    ).toMatch(/typically indicate a larger attack[\s\S]*escalate/u);
    expect(
      entry('event-5013')
        .ja.warnings.map((warning) => warning.text)
        .join(' '),
    ).toMatch(/攻撃[\s\S]*エスカレーション/u);
    expect(entry('event-5013').en.short).toMatch(/attack/u);
    expect(entry('event-5013').ja.short).toMatch(/攻撃/u);
    // The old tip called it "not an error" and stopped there.
    expect(entry('event-5013').en.warnings.every((warning) => warning.level !== 'tip')).toBe(true);
  });

  it('slow-first-launch says plainly that the cloud block timeout cannot make the first launch faster', () => {
    expect(entry('slow-first-launch').en.answer).toMatch(
      /does not make the first launch faster[\s\S]*can only make the wait longer/u,
    );
    expect(entry('slow-first-launch').ja.answer).toMatch(/初回起動を速くする設定ではありません/u);
    expect(entry('slow-first-launch').en.answer).not.toMatch(/consider changing the file-blocking timeout/iu);
    expect(entry('slow-first-launch').ja.answer).not.toMatch(/タイムアウト期間を変更するか/u);
    expect(entry('slow-first-launch').en.short).toMatch(/once per app or version/u);
  });

  it('troubleshooting-mode gives the duration, start delay, permission and supported OS', () => {
    const en = textOf('troubleshooting-mode', 'en');
    const ja = textOf('troubleshooting-mode', 'ja');
    for (const fact of [
      '4 hours',
      '15 minutes',
      'Manage security settings',
      '19044.1618',
      'Windows 11',
      'Windows Server 2019',
      'Windows Server 2022',
    ])
      expect(en, fact).toContain(fact);
    for (const fact of [
      '4 時間',
      '15 分',
      'Manage security settings',
      '19044.1618',
      'Windows 11',
      'Windows Server 2019',
      'Windows Server 2022',
    ])
      expect(ja, fact).toContain(fact);
  });

  it('names Configuration Manager with tenant attach as a way to manage tamper protection', () => {
    for (const id of ['tamper-protection-overview', 'tp-group-policy', 'tp-registry']) {
      expect(entry(id).en.answer, id).toContain('Configuration Manager with tenant attach');
      expect(entry(id).ja.answer, id).toContain('テナント アタッチを構成した Configuration Manager');
    }
  });

  it('server-passive-mode gives the ForceDefenderPassiveMode registry path', () => {
    for (const language of ['ja', 'en'] as const) {
      expect(entry('server-passive-mode')[language].answer, language).toContain(
        'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Advanced Threat Protection',
      );
    }
  });

  it('maps-error-service-disabled names the usual causes of 0x800106BA', () => {
    expect(entry('maps-error-service-disabled').en.answer).toMatch(
      /Another antivirus product is installed[\s\S]*Windows Server, MDAV has been removed/u,
    );
    expect(entry('maps-error-service-disabled').ja.answer).toMatch(
      /他社製のウイルス対策製品[\s\S]*Windows Server で MDAV が削除/u,
    );
  });

  it('sample-submission says "Always prompt" also lowers protection', () => {
    expect(
      entry('sample-submission')
        .en.warnings.map((warning) => warning.text)
        .join(' '),
    ).toMatch(/"Always prompt" lowers protection too/u);
    expect(
      entry('sample-submission')
        .ja.warnings.map((warning) => warning.text)
        .join(' '),
    ).toMatch(/「常に確認する」[\s\S]*保護が弱まります/u);
  });

  it('mde-onboarding-check says the Sense service can be absent with the older MMA-based onboarding', () => {
    expect(
      entry('mde-onboarding-check')
        .en.warnings.map((warning) => warning.text)
        .join(' '),
    ).toMatch(/Sense service can be absent[\s\S]*MMA[\s\S]*1060/u);
    expect(
      entry('mde-onboarding-check')
        .ja.warnings.map((warning) => warning.text)
        .join(' '),
    ).toMatch(/Sense サービスが存在しない[\s\S]*MMA[\s\S]*1060/u);
  });

  it('spells Japanese compound terms one way and product names as the UI does', () => {
    // UI labels in [] are copied as the product shows them; prose uses the spaced compounds.
    const outsideLabels = (text: string): string => text.replace(/\[[^\]]*\]/gu, '');
    for (const item of knowledge.entries) {
      for (const text of prose(item, 'ja').map(outsideLabels)) {
        expect(text, item.id).not.toMatch(
          /グループポリシー|トラブルシューティングモード|パッシブモード|アクティブモード|イベントログ|Intune 管理ポータル|エンドポイントセキュリティ/u,
        );
      }
    }
  });

  it('writes Japanese without run-on enumerations or notes to the author', () => {
    for (const item of knowledge.entries) {
      for (const text of prose(item, 'ja')) {
        for (const sentence of text.split(/(?<=。)/u))
          expect([...sentence].length, `${item.id}: ${sentence.slice(0, 40)}`).toBeLessThanOrEqual(200);
        expect(text, item.id).not.toMatch(/出典:|関連するコード:|下の手順の中に記載/u);
      }
    }
  });

  it('has a short plain answer in both languages for every entry, without commands', () => {
    for (const item of knowledge.entries) {
      for (const language of ['ja', 'en'] as const) {
        expect(item[language].short.length, `${item.id} ${language}`).toBeGreaterThan(20);
        for (const text of item.commands.map((entryCommand) => entryCommand.text))
          expect(item[language].short, item.id).not.toContain(text);
      }
    }
  });
});
