/** User-visible text of diagnosis findings, paste hints and HRESULT meanings, in Japanese and English. */

import type { Language } from './language.js';

interface FindingText {
  readonly title: string;
  readonly next: string;
}

type Catalogue = Readonly<Record<string, Readonly<Record<Language, FindingText>>>>;

/** Title and next step per finding id (the rule ids in diagnosis-rules.ts). */
export const FINDING_TEXT: Catalogue = Object.freeze({
  'antivirus-not-running': {
    en: {
      title: 'Microsoft Defender Antivirus is not running',
      next: 'If another antivirus product protects this device, this is expected. Otherwise find out why the Microsoft Defender Antivirus service is not running and start it.',
    },
    ja: {
      title: 'Microsoft Defender ウイルス対策が実行されていません',
      next: '他社製のウイルス対策製品を使っている端末であれば想定どおりです。そうでない場合は、Microsoft Defender ウイルス対策のサービスが動いていない理由を確認して起動してください。',
    },
  },
  'windefend-not-running': {
    en: {
      title: 'The Microsoft Defender Antivirus service (WinDefend) is not running',
      next: 'Enable and start the service, then run the connection test again.',
    },
    ja: {
      title: 'Microsoft Defender ウイルス対策のサービス (WinDefend) が実行されていません',
      next: 'サービスを有効にして起動し、接続テストをやり直してください。',
    },
  },
  'realtime-protection-off': {
    en: {
      title: 'Real-time protection is off',
      next: 'The device is not protected in real time. Turn real-time protection back on; if it was turned off for troubleshooting, restore it now.',
    },
    ja: {
      title: 'リアルタイム保護がオフです',
      next: 'この端末はリアルタイムで保護されていません。リアルタイム保護をオンに戻してください。トラブルシューティングのために無効にした場合は、すぐに元に戻してください。',
    },
  },
  'maps-not-elevated': {
    en: {
      title: 'The connection test was not run as administrator (0x80070005)',
      next: 'Open Command Prompt with "Run as administrator" and run the connection test again.',
    },
    ja: {
      title: '接続テストが管理者として実行されていません (0x80070005)',
      next: '[管理者として実行] でコマンド プロンプトを開き、接続テストをもう一度実行してください。',
    },
  },
  'maps-cloud-disabled-or-blocked': {
    en: {
      title: 'Cloud protection is off, or the connection is blocked (0x80508015)',
      next: 'First check that MAPSReporting is not 0. If cloud protection is on, check the firewall and any TLS inspection for the cloud protection addresses.',
    },
    ja: {
      title: 'クラウド保護が無効か、通信が遮断されています (0x80508015)',
      next: 'まず MAPSReporting が 0 でないことを確認してください。クラウド保護が有効な場合は、ファイアウォールや TLS 検査がクラウド保護の通信先を遮断していないか確認してください。',
    },
  },
  'maps-crl-or-tls': {
    en: {
      title: 'The TLS connection to the cloud failed (0x80072F8F)',
      next: 'Usually the device cannot fetch the certificate revocation list: configure the system-wide WinHTTP proxy. Disabling the CRL check with SSLOptions is a last resort.',
    },
    ja: {
      title: 'クラウドへの TLS 接続に失敗しました (0x80072F8F)',
      next: '多くの場合、端末が証明書失効リスト (CRL) を取得できていません。システム全体の WinHTTP プロキシを構成してください。SSLOptions で CRL チェックを無効にするのは最後の手段です。',
    },
  },
  'maps-no-winhttp-proxy': {
    en: {
      title: 'The connection to the cloud failed, most likely for lack of a system-wide WinHTTP proxy',
      next: 'With this code the usual root cause is a device without a system-wide WinHTTP proxy, so Windows cannot fetch the certificate revocation list. Check the proxy with this command and configure it first.',
    },
    ja: {
      title: 'クラウドへの接続に失敗しました (システム全体の WinHTTP プロキシがない可能性が高い)',
      next: 'このコードの主な原因は、端末にシステム全体の WinHTTP プロキシがなく、Windows が証明書失効リスト (CRL) を取得できないことです。次のコマンドでプロキシを確認し、まずプロキシを構成してください。',
    },
  },
  'maps-service-disabled': {
    en: {
      title: 'The Microsoft Defender Antivirus service is disabled (0x800106BA)',
      next: 'Enable the service and run the connection test again.',
    },
    ja: {
      title: 'Microsoft Defender ウイルス対策のサービスが無効です (0x800106BA)',
      next: 'サービスを有効にしてから、接続テストをもう一度実行してください。',
    },
  },
  'maps-os-unsupported': {
    en: {
      title: 'This Windows version cannot run the connection test (0x80070667)',
      next: 'ValidateMapsConnection needs a newer Windows than Windows 10 1607 or Windows Server 2016. Check the setting and the network requirements instead.',
    },
    ja: {
      title: 'この Windows では接続テストを実行できません (0x80070667)',
      next: 'ValidateMapsConnection は Windows 10 1607 / Windows Server 2016 より新しい OS が必要です。代わりに設定と通信要件を確認してください。',
    },
  },
  'maps-network': {
    en: {
      title: 'The device could not reach the cloud protection service',
      next: 'Check internet access, then that the firewall does not block the addresses in "Services and URLs". With a proxy, configure the WinHTTP proxy.',
    },
    ja: {
      title: '端末からクラウド保護サービスに接続できませんでした',
      next: 'インターネットに接続できることを確認し、次にファイアウォールが「サービスと URL」のアドレスを遮断していないか確認してください。プロキシ環境では WinHTTP プロキシを構成してください。',
    },
  },
  'maps-unknown-code': {
    en: {
      title: 'The connection test failed with a code the bot does not know',
      next: 'Start with the network requirements. If they are fine, escalate to L2 with this output.',
    },
    ja: {
      title: 'ボットが把握していないコードで接続テストが失敗しました',
      next: 'まず通信要件を確認してください。問題がなければ、この出力を添えて L2 にエスカレーションしてください。',
    },
  },
  'cloud-protection-off': {
    en: {
      title: 'Cloud protection is turned off (MAPSReporting 0)',
      next: 'Turn cloud protection on with Group Policy, Intune or PowerShell; block at first sight needs it.',
    },
    ja: {
      title: 'クラウド保護が無効です (MAPSReporting が 0)',
      next: 'グループ ポリシー、Intune、PowerShell のいずれかでクラウド保護を有効にしてください。事前ブロックにもクラウド保護が必要です。',
    },
  },
  'sample-submission-never': {
    en: {
      title: 'Sample submission is set to "Never send" (SubmitSamplesConsent 2)',
      next: 'This also turns block at first sight off. Choose an option that sends samples, preferably "Send all samples automatically".',
    },
    ja: {
      title: 'サンプルの送信が「送信しない」です (SubmitSamplesConsent が 2)',
      next: 'この設定では事前ブロックも無効になります。サンプルを送信する設定 (できれば「すべてのサンプルを自動的に送信する」) にしてください。',
    },
  },
  'block-at-first-sight-off': {
    en: {
      title: 'Block at first sight is off (DisableBlockAtFirstSeen True)',
      next: 'Turn block at first sight back on; it protects against new malware.',
    },
    ja: {
      title: '事前ブロックが無効です (DisableBlockAtFirstSeen が True)',
      next: '新しいマルウェアへの保護のため、事前ブロックを有効に戻してください。',
    },
  },
  'tamper-protection-off': {
    en: {
      title: 'Tamper protection is off (IsTamperProtected False)',
      next: 'How to turn it on depends on how the device is managed (MDE, Intune, or neither): see the linked entry.',
    },
    ja: {
      title: '改ざん防止が無効です (IsTamperProtected が False)',
      next: '有効にする方法は端末の管理形態 (MDE、Intune、どちらでもない) によって異なります。リンク先の項目を確認してください。',
    },
  },
  'passive-mode-not-applied': {
    en: {
      title: 'ForceDefenderPassiveMode is 1 but the antivirus runs in Normal mode',
      next: 'On a server onboarded to MDE with tamper protection on, the setting does not switch to passive mode. Switch to passive mode before onboarding.',
    },
    ja: {
      title: 'ForceDefenderPassiveMode が 1 なのに Normal モードで動作しています',
      next: '改ざん防止が有効で MDE にオンボード済みのサーバーでは、この設定でパッシブ モードに切り替わりません。オンボードの前にパッシブ モードにしてください。',
    },
  },
  'sense-not-running': {
    en: {
      title: 'The Sense service is not running: the device looks not onboarded to MDE',
      next: 'If the device should be onboarded, follow the onboarding troubleshooting.',
    },
    ja: {
      title: 'Sense サービスが実行されていません (MDE に未オンボードと見られます)',
      next: 'オンボードされているはずの端末であれば、オンボードのトラブルシューティングを行ってください。',
    },
  },
  'signatures-out-of-date': {
    en: {
      title: 'Security intelligence is more than 7 days old, or was never updated',
      next: 'Update security intelligence (for example through Windows Update) and check why updates are not arriving.',
    },
    ja: {
      title: 'セキュリティ インテリジェンスが 7 日以上古いか、一度も更新されていません',
      next: 'Windows Update などでセキュリティ インテリジェンスを更新し、更新が届かない原因を確認してください。',
    },
  },
  'event-realtime-disabled': {
    en: {
      title: 'Event 5001: real-time protection was turned off',
      next: 'Check who or what turned it off, and turn it back on.',
    },
    ja: {
      title: 'イベント 5001: リアルタイム保護が無効になりました',
      next: '誰が (何が) 無効にしたかを確認し、有効に戻してください。',
    },
  },
  'event-malware-detected': {
    en: {
      title: 'Event 1116: malware or potentially unwanted software was detected',
      next: 'This bot does not handle detections: escalate to L2 with the event.',
    },
    ja: {
      title: 'イベント 1116: マルウェアまたは望ましくない可能性のあるソフトウェアが検出されました',
      next: '検出への対応はこのボットの対象外です。イベントの内容を添えて L2 にエスカレーションしてください。',
    },
  },
  'event-tamper-blocked': {
    en: {
      title: 'Event 5013: tamper protection blocked a change',
      next: 'A protected setting or exclusion change was blocked or ignored. Change it through the management tool that owns it, or use troubleshooting mode.',
    },
    ja: {
      title: 'イベント 5013: 改ざん防止が変更をブロックしました',
      next: '保護された設定または除外の変更がブロック (無視) されました。その設定を管理しているツールから変更するか、トラブルシューティング モードを使ってください。',
    },
  },
  'event-configuration-changed': {
    en: {
      title: 'Event 5007: the antivirus configuration changed',
      next: 'Compare the old and new values in the event; unexpected changes deserve a look.',
    },
    ja: {
      title: 'イベント 5007: ウイルス対策の構成が変更されました',
      next: 'イベントの変更前と変更後の値を比べてください。想定外の変更であれば確認が必要です。',
    },
  },
  'event-error-codes': {
    en: {
      title: 'The events contain error codes',
      next: 'See the codes below; unknown ones are worth escalating with the event text.',
    },
    ja: {
      title: 'イベントにエラー コードが含まれています',
      next: '下のコードを確認してください。不明なコードはイベントの内容を添えてエスカレーションしてください。',
    },
  },
  'cloud-block-level-aggressive': {
    en: {
      title: 'Cloud block level is High+ or Zero tolerance',
      next: 'These levels block more and raise false positives; make sure that is intended.',
    },
    ja: {
      title: 'クラウド保護レベルが High+ またはゼロ トレランスです',
      next: 'これらのレベルはより多くをブロックし、誤検知も増えます。意図した設定か確認してください。',
    },
  },
  'tamper-registry-read': {
    en: {
      title: 'The TamperProtection registry value is not the supported check',
      next: 'Check tamper protection with Get-MpComputerStatus (IsTamperProtected, TamperProtectionSource), and do not edit the registry.',
    },
    ja: {
      title: 'レジストリの TamperProtection の値はサポートされた確認方法ではありません',
      next: 'Get-MpComputerStatus (IsTamperProtected、TamperProtectionSource) で確認してください。レジストリは編集しないでください。',
    },
  },
  'exclusions-hidden': {
    en: {
      title: 'Exclusions are hidden: the output was not taken as administrator',
      next: 'Run Get-MpPreference in an elevated PowerShell to see the exclusions.',
    },
    ja: {
      title: '除外が表示されていません (管理者として取得されていません)',
      next: '除外を確認するには、管理者として開いた PowerShell で Get-MpPreference を実行してください。',
    },
  },
  'tp-exclusions-state': {
    en: {
      title: 'TPExclusions shows whether tamper protection protects exclusions (1 = protected)',
      next: 'TPExclusions only reports the state: never change it by hand.',
    },
    ja: {
      title: 'TPExclusions は除外が改ざん防止で保護されているかを示します (1 = 保護)',
      next: 'TPExclusions は状態を示すだけの値です。手動で変更しないでください。',
    },
  },
  'troubleshooting-mode-on': {
    en: {
      title: 'Troubleshooting mode is on',
      next: 'Tamper-protected settings can be changed until it expires; they are restored afterwards.',
    },
    ja: {
      title: 'トラブルシューティング モードが有効です',
      next: '期限が切れるまでは改ざん防止で保護された設定を変更できます。期限後は元に戻ります。',
    },
  },
  'antivirus-passive': {
    en: {
      title: 'Microsoft Defender Antivirus runs in passive or EDR block mode',
      next: 'Real-time protection is provided by another product; this is expected on such devices.',
    },
    ja: {
      title: 'Microsoft Defender ウイルス対策はパッシブ モードまたは EDR ブロック モードで動作しています',
      next: 'リアルタイム保護は他の製品が担っています。そのような端末では想定どおりです。',
    },
  },
  'maps-connection-ok': {
    en: {
      title: 'The cloud connection works',
      next: 'ValidateMapsConnection reached MAPS: cloud protection can talk to the cloud.',
    },
    ja: {
      title: 'クラウドへの接続は正常です',
      next: 'ValidateMapsConnection が MAPS に接続できました。クラウド保護はクラウドと通信できています。',
    },
  },
  'tamper-protection-on': {
    en: {
      title: 'Tamper protection is on',
      next: 'TamperProtectionSource tells who turned it on (ATP = MDE, Intune = Intune).',
    },
    ja: {
      title: '改ざん防止は有効です',
      next: 'TamperProtectionSource で有効化した仕組みがわかります (ATP = MDE、Intune = Intune)。',
    },
  },
  'sense-running': {
    en: { title: 'The Sense service is running: the device is onboarded to MDE', next: 'Onboarding looks fine.' },
    ja: { title: 'Sense サービスが実行中です (MDE にオンボード済み)', next: 'オンボードの状態は問題なさそうです。' },
  },
});

/** Generic Windows meanings of HRESULTs that MDAV documentation does not explain. */
export const HRESULT_MEANINGS: Readonly<Record<string, Readonly<Record<Language, string>>>> = Object.freeze({
  '0x80072EFD': {
    en: 'cannot connect to the server (generic WinHTTP meaning)',
    ja: 'サーバーに接続できない (WinHTTP の一般的な意味)',
  },
  '0x80072EE2': {
    en: 'the operation timed out (generic WinHTTP meaning)',
    ja: '操作がタイムアウトした (WinHTTP の一般的な意味)',
  },
  '0x800705B4': {
    en: 'the operation timed out (generic Windows meaning)',
    ja: '操作がタイムアウトした (Windows の一般的な意味)',
  },
  '0x80072EE7': {
    en: 'the server name could not be resolved (generic WinHTTP meaning)',
    ja: 'サーバー名を解決できない (WinHTTP の一般的な意味)',
  },
  '0x80072F8F': { en: 'a security (TLS/certificate) error occurred', ja: 'セキュリティ (TLS/証明書) エラーが発生した' },
  '0x80072EFE': {
    en: 'usually no system-wide WinHTTP proxy, so the CRL cannot be fetched',
    ja: '多くはシステム全体の WinHTTP プロキシがなく、CRL を取得できない',
  },
  '0x80004005': {
    en: 'unspecified failure, often network problems such as name resolution',
    ja: '原因不特定のエラー (名前解決などのネットワークの問題が多い)',
  },
  '0x80070005': { en: 'access denied', ja: 'アクセスが拒否された' },
  '0x80070006': {
    en: 'usually no system-wide WinHTTP proxy, so the CRL cannot be fetched; if a proxy is set, a firewall or TLS inspection',
    ja: '多くはシステム全体の WinHTTP プロキシがなく CRL を取得できない。プロキシ設定済みなら、ファイアウォールまたは TLS インスペクション',
  },
  '0x8050800C': {
    en: 'bad input data: update security intelligence, run a full scan and restart',
    ja: '入力データが不正 (セキュリティ インテリジェンスの更新、フル スキャン、再起動)',
  },
  '0x80501004': { en: 'no internet connection', ja: 'インターネットに接続されていない' },
});

/** Labels of the paste hints. */
export const HINT_TEXT: Readonly<Record<string, Readonly<Record<Language, string>>>> = Object.freeze({
  'maps-reporting': {
    en: 'Paste the output of this to tell "cloud protection off" from "blocked":',
    ja: '「クラウド保護が無効」か「遮断」かを見分けるため、次の出力を貼り付けてください:',
  },
  'sense-state': {
    en: 'Paste this to see whether the device is onboarded to MDE:',
    ja: 'MDE へのオンボード状態を確認するため、次の出力を貼り付けてください:',
  },
  'validate-maps': {
    en: 'Run this as administrator and paste the result to test the cloud connection:',
    ja: 'クラウドへの接続を確認するため、管理者として次を実行し、結果を貼り付けてください:',
  },
  'collection-snippet': {
    en: 'Or run this read-only snippet in an elevated PowerShell and paste everything it prints:',
    ja: 'または、管理者として開いた PowerShell で次の読み取り専用のスクリプトを実行し、表示された内容をすべて貼り付けてください:',
  },
});

/**
 * What a fact tells about, named for the "checked and fine" line of a diagnosis without problems (fact names of
 * facts.ts).
 */
export const CHECKED_TEXT: Readonly<Record<string, Readonly<Record<Language, string>>>> = Object.freeze({
  MAPSReporting: { en: 'cloud protection setting', ja: 'クラウド保護の設定' },
  SubmitSamplesConsent: { en: 'sample submission', ja: 'サンプルの自動送信' },
  DisableBlockAtFirstSeen: { en: 'block at first sight', ja: 'ブロック アット ファースト サイト' },
  CloudBlockLevel: { en: 'cloud block level', ja: 'クラウド ブロック レベル' },
  CloudExtendedTimeout: { en: 'extended cloud check', ja: 'クラウド チェックの延長時間' },
  ValidateMapsConnection: { en: 'connection to the cloud service', ja: 'クラウド サービスへの接続' },
  IsTamperProtected: { en: 'tamper protection', ja: '改ざん防止' },
  AMRunningMode: { en: 'antivirus running mode', ja: 'ウイルス対策の動作モード' },
  AntivirusEnabled: { en: 'antivirus', ja: 'ウイルス対策' },
  RealTimeProtectionEnabled: { en: 'real-time protection', ja: 'リアルタイム保護' },
  DisableRealtimeMonitoring: { en: 'real-time protection', ja: 'リアルタイム保護' },
  AntivirusSignatureAge: { en: 'security intelligence age', ja: 'セキュリティ インテリジェンスの経過日数' },
  TroubleShootingMode: { en: 'troubleshooting mode', ja: 'トラブルシューティング モード' },
  services: { en: 'services (sc query)', ja: 'サービス (sc query)' },
  TPExclusions: { en: 'protection of exclusions', ja: '除外の保護' },
});
