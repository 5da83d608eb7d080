/**
 * Concept terms: surface forms in English and Japanese that mean the same thing map to one language-neutral term
 * (`~tamper`, `~enable` ...), added beside the ordinary terms at index and query time. This lets a Japanese question
 * meet English material and "turn on" meet "enable" without the knowledge listing every pairing.
 */

import { createFormSearch } from './substring-filter.js';

interface Concept {
  readonly id: string;
  /** English forms as regular-expression sources over normalized (lower-case) text; spaces match spaces or hyphens. */
  readonly en: readonly string[];
  /** Japanese forms, matched as substrings. */
  readonly ja: readonly string[];
}

// Each concept is one meaning; forms that are ambiguous across topics ("advanced", "endpoint") are left out on purpose.
const CONCEPTS: readonly Concept[] = [
  { id: 'tamper', en: ['tamper\\w*', 'tp'], ja: ['改ざん', '改竄', 'かいざん'] },
  {
    id: 'cloud',
    en: ['cloud\\w*', 'maps', 'active protection service', 'advanced protection service'],
    ja: ['クラウド', 'くらうど'],
  },
  {
    id: 'bafs',
    en: ['block at first sight', 'block at first seen', 'block at first site', 'bafs', 'first sight'],
    ja: ['事前ブロック', 'ファーストサイト', 'じぜんぶろっく'],
  },
  { id: 'sample', en: ['samples?', 'sample submission'], ja: ['サンプル', 'さんぷる'] },
  {
    id: 'enable',
    en: ['enabl\\w*', 'turn(ed|ing)? (it |them )?on', 'switch(ed)? (it )?on', 'activat\\w*', 'on by default'],
    ja: ['有効', 'オンに', 'オンにする', 'ON に', 'ONに', '有効化', 'ゆうこう'],
  },
  {
    id: 'disable',
    en: ['disabl\\w*', 'turn(ed|ing)? (it |them )?off', 'switch(ed)? (it )?off', 'deactivat\\w*', 'stop(ped)?'],
    ja: ['無効', 'オフ', '止め', '停止', '切る', '切り', '切れ', 'むこう'],
  },
  {
    id: 'cannot',
    en: [
      "can'?t",
      'cannot',
      "won'?t",
      'unable',
      "doesn'?t work",
      'not working',
      'fail\\w*',
      'no effect',
      'nothing changes?',
    ],
    ja: ['できない', 'ならない', 'されない', '失敗', 'うまくいかない', '効かない', 'できません', 'なりません'],
  },
  {
    id: 'greyed',
    en: ['gr[ae]y(ed)? ?out', 'greyed', 'grayed', "can'?t click", 'locked'],
    ja: ['グレーアウト', '押せない', '触れない', '灰色'],
  },
  {
    id: 'check',
    en: ['check\\w*', 'verif\\w*', 'confirm\\w*', 'status', 'see if', 'state'],
    ja: ['確認', 'チェック', '状態', '調べ', 'ちぇっく'],
  },
  {
    id: 'slow',
    en: [
      'slow\\w*',
      'lag\\w*',
      'delay\\w*',
      'takes? (ages|long|forever)',
      'hang\\w*',
      'freez\\w*',
      'start ?up (time|performance)',
      'app startup',
      'takes? (about |up to )?\\d+ ?(s|sec|secs|seconds)',
    ],
    ja: ['遅い', '遅く', '時間がかかる', 'もっさり', '待たされ', 'おそい', '固まる', '起動に時間', '起動が遅'],
  },
  {
    id: 'first',
    en: ['first time', 'first launch', 'first run', 'first start', 'initial\\w*', 'only once'],
    ja: ['初回', '初めて', 'はじめて', '最初'],
  },
  { id: 'proxy', en: ['prox(y|ies)', 'winhttp'], ja: ['プロキシ', 'ぷろきし'] },
  { id: 'firewall', en: ['firewall\\w*', 'fw'], ja: ['ファイアウォール', 'ファイヤーウォール'] },
  // Negated management situations come before their plain forms matter: "Intune は使っていない" is not about Intune.
  {
    id: 'not-intune',
    en: [
      "(don'?t|do not|doesn'?t|not) (use|using|have|managed (by|with|in)) intune",
      "(isn'?t|aren'?t|not) (in|managed by|enrolled in) intune",
      'without intune',
      'no intune',
      'intune is not used',
    ],
    ja: [
      'intune は使っていない',
      'intune は使ってない',
      'intune を使っていない',
      'intune を使ってない',
      'intune は未使用',
      'intune なし',
      'intune 無し',
      'intune は導入していない',
      'intune は使っておらず',
      'intune で管理していない',
      'intune では管理していない',
      'intune では管理していません',
      'intune は導入していません',
      'intune は使っていません',
      'intune 管理外',
    ],
  },
  {
    id: 'not-mde',
    en: [
      "(not|isn'?t|aren'?t|wasn'?t|weren'?t) onboarded",
      "(don'?t|do not|doesn'?t|not) (have|use|using) (mde|defender for endpoint)",
      'without (mde|defender for endpoint)',
      'no mde',
      'not in mde',
    ],
    ja: [
      'オンボードしていない',
      'オンボードしてない',
      '未オンボード',
      'オンボードされていない',
      'オンボードされてない',
      'オンボードされておらず',
      'オンボードしておらず',
      'mde は使っていない',
      'mde は契約していない',
      'mde なし',
      'mde 無し',
      '契約しておらず',
      'オンボードはしていない',
    ],
  },
  {
    id: 'access-denied',
    en: ['access (is )?denied', 'permission denied', 'not elevated', 'non[\\s-]?elevated'],
    ja: ['アクセス拒否', 'アクセスが拒否', 'アクセス が 拒否', 'アクセスは拒否', '権限がない', '権限不足'],
  },
  { id: 'intune', en: ['intune', 'endpoint manager'], ja: ['インチューン'] },
  {
    id: 'mde',
    en: ['mde', 'defender for endpoint', 'atp', 'onboard\\w*', 'sense'],
    ja: ['オンボード', 'ディフェンダー フォー エンドポイント'],
  },
  { id: 'server', en: ['windows server', 'server \\d{4}', 'servers?'], ja: ['サーバー', 'サーバ'] },
  {
    id: 'gpo',
    en: ['group polic\\w*', 'gpo', 'gpedit\\w*', 'administrative templates?'],
    ja: ['グループ ポリシー', 'グループポリシー', 'ぐるーぷぽりしー'],
  },
  { id: 'registry', en: ['registry', 'regedit', 'reg add', 'reg\\.exe add'], ja: ['レジストリ', 'れじすとり'] },
  {
    id: 'exclusion',
    en: ['exclu\\w*', 'exceptions?', 'allow ?list\\w*', 'whitelist\\w*'],
    ja: ['除外', 'じょがい', '例外'],
  },
  { id: 'event', en: ['event\\w*', 'event viewer', 'event log'], ja: ['イベント', 'いべんと'] },
  {
    id: 'troubleshooting',
    en: ['troubleshoot\\w* mode'],
    ja: ['トラブルシューティング モード', 'トラブルシューティングモード', 'トラブルシュートモード'],
  },
  { id: 'realtime', en: ['real ?time', 'realtime\\w*', 'rtp'], ja: ['リアルタイム'] },
  { id: 'passive', en: ['passive\\w*'], ja: ['パッシブ'] },
  { id: 'crl', en: ['crl', 'revocation', 'certificate revocation'], ja: ['失効', '証明書失効'] },
  { id: 'tls', en: ['tls', 'ssl', 'https inspection', 'decrypt\\w*'], ja: ['復号'] },
  {
    id: 'address',
    en: ['urls?', 'addresses', 'host ?names?', 'fqdns?'],
    ja: ['接続先', 'アドレス', 'ホスト名'],
  },
  {
    id: 'level',
    en: [
      'block(ing)? level',
      'protection level',
      'level of (blocking|protection)',
      'high\\+',
      'zero tolerance',
      'aggressive\\w*',
    ],
    ja: ['レベル', '高+', 'ゼロ トレランス'],
  },
  {
    id: 'membership',
    en: ['membership\\w*', 'basic maps', 'advanced maps'],
    ja: ['メンバーシップ', '基本メンバー', '上級メンバー'],
  },
  {
    id: 'explain',
    en: [
      'what is',
      'what does',
      'what are',
      'meaning',
      'explain\\w*',
      'overview',
      'how does .{0,30}work',
      'purpose',
      'benefit\\w*',
      'why .{0,20}(need|keep|use)',
    ],
    ja: [
      'とは',
      '仕組み',
      '意味',
      'メリット',
      '概要',
      'って何',
      'ってなに',
      'ってなん',
      '何の略',
      '何のため',
      '役割',
      'しくみ',
    ],
  },
  { id: 'test', en: ['test\\w*', 'validat\\w*'], ja: ['テスト', '疎通', '接続確認', 'てすと'] },
  {
    id: 'timeout',
    en: ['time ?out\\w*', 'extended timeout', 'extend\\w* (the )?(cloud )?check', 'cloud check time'],
    ja: ['タイムアウト', '時間を延ば', '延長'],
  },
  { id: 'headless', en: ['headless'], ja: ['ヘッドレス'] },
  {
    id: 'workaround',
    en: ['workarounds?', 'work around', '(any|another|other) way', 'alternatives?'],
    ja: ['回避策', '回避', '代替', '代わり', 'ほかの方法', '他の方法', '別の方法', 'ほかに手', '他に手'],
  },
  { id: 'admin', en: ['admin\\w*', 'elevat\\w*', 'run as administrator'], ja: ['管理者', '昇格'] },
  {
    id: 'network',
    en: ['internet', 'network\\w*', 'connect\\w*', 'reach\\w*'],
    ja: ['ネットワーク', 'インターネット', '接続', '繋がらない', 'つながらない', '通信'],
  },
  { id: 'portal', en: ['portal', 'security\\.microsoft\\.com', 'advanced features'], ja: ['ポータル', '高度な機能'] },
  {
    id: 'security-app',
    en: ['windows security( app)?', 'virus & threat protection', 'manage settings'],
    ja: ['Windows セキュリティ', 'windows セキュリティ', 'ウイルスと脅威の防止', '設定の管理'],
  },
  {
    id: 'home',
    en: ['home pc', 'personal (pc|laptop|computer|device)', 'unmanaged', 'standalone', 'byod'],
    ja: ['自宅', '個人', '非管理', '管理されていない', 'スタンドアロン'],
  },
];

/** Every concept id (without the `~` of its term), e.g. for knowledge that names concepts. */
export const CONCEPT_IDS: readonly string[] = Object.freeze(CONCEPTS.map((concept) => concept.id));

/**
 * Literal text every match of an English form contains: the longest run of its characters outside any group or
 * class, with no space (spaces match spaces or hyphens), escape or other regular-expression syntax inside and no
 * quantifier after ("samples?" → "sample", "(any|another|other) way" → "way"); empty when there is none, or when the
 * form is an alternation outside any group ("a|b").
 */
export function requiredLiteral(form: string): string {
  let longest = '';
  let run = '';
  const end = (): void => {
    if (run.length > longest.length) longest = run;
    run = '';
  };
  let depth = 0;
  for (let at = 0; at < form.length; at += 1) {
    const char = form.charAt(at);
    if (char === '\\') {
      // An escape ("\\w", "\\.") is syntax; a quantifier after it applies to it, not to the run before.
      end();
      at += 1;
    } else if (char === '(' || char === '[') {
      end();
      depth += 1;
    } else if (char === ')' || char === ']') {
      end();
      depth -= 1;
    } else if (depth > 0) continue;
    else if (char === '|') return '';
    else if ('?*+{'.includes(char)) {
      // The quantified character is optional or repeated: the run ends before it ("samples?" → "sample").
      run = run.slice(0, -1);
      end();
      if (char === '{') at = form.indexOf('}', at);
    } else if (' .^$'.includes(char)) end();
    else run += char;
  }
  end();
  return longest;
}

/**
 * Every concept's forms (for tests that check the quick path against the plain reading: an English form's regular
 * expression, spaces as [\s-]+, between non-alphanumerics; a Japanese form as a substring).
 */
export const CONCEPT_FORMS: readonly Concept[] = CONCEPTS;

const compiled = CONCEPTS.map(({ id, en, ja }) => ({
  term: `~${id}`,
  english:
    en.length > 0
      ? new RegExp(`(?<![a-z0-9])(?:${en.map((form) => form.replace(/ /gu, '[\\s-]+')).join('|')})(?![a-z0-9])`, 'u')
      : undefined,
  // A text without any of these cannot match `english` (the regex has no flags: same case), so it is not run: most
  // texts hold few concepts, and the regexes' look-behind at every position made them a large part of matching.
  englishLiterals: en.map(requiredLiteral),
  japanese: ja.map((form) => form.toLowerCase()),
}));

// All literals and Japanese forms, searched for in one pass (concept by concept: its literals, then its forms).
const forms = compiled.flatMap(({ englishLiterals, japanese }) => [...englishLiterals, ...japanese]);
const search = createFormSearch(forms);
const found = new Uint8Array(forms.length);

/** True when found[from ... from + count - 1] has a form that is in the text. */
function anyFound(from: number, count: number): boolean {
  for (let at = from; at < from + count; at += 1) if (found[at] === 1) return true;
  return false;
}

// The last text asked about and its concepts: one message asks several times (tokens, topic, clarifying questions).
let last: { readonly text: string; readonly terms: readonly string[] } | undefined;

/** Returns the concept terms present in normalized text (each at most once). */
export function conceptTerms(normalized: string): string[] {
  if (last?.text === normalized) return [...last.terms];
  search(normalized, found);
  const terms: string[] = [];
  let at = 0;
  for (const { term, english, englishLiterals, japanese } of compiled) {
    if (
      (english !== undefined && anyFound(at, englishLiterals.length) && english.test(normalized)) ||
      anyFound(at + englishLiterals.length, japanese.length)
    )
      terms.push(term);
    at += englishLiterals.length + japanese.length;
  }
  last = { text: normalized, terms };
  return [...terms];
}
