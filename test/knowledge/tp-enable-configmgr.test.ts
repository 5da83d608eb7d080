import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { Language } from '../../src/i18n/language.js';
import type { KnowledgeEntry } from '../../src/knowledge/knowledge-entry.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { ROOT } from '../support/start-test-app.js';

// Loads the real knowledge/ so that a wrong fact in the shipped entry fails CI.
const knowledge = loadKnowledge(join(ROOT, 'knowledge'));

const entry = (): KnowledgeEntry => {
  const found = knowledge.byId.get('tp-enable-configmgr');
  if (!found) throw new Error("no entry 'tp-enable-configmgr'");
  return found;
};

/** Title, answer, steps and warnings of the entry in one language. */
const textOf = (language: Language): string => {
  const local = entry()[language];
  return [local.title, local.answer, ...local.steps, ...local.warnings.map((warning) => warning.text)].join('\n');
};

const LEARN_PAGE =
  'defender-endpoint/tamper-protection-windows-configure#configure-tamper-protection-using-microsoft-configuration-manager';
const LEARN_TENANT_ATTACH_PAGE = 'defender-endpoint/manage-tamper-protection-configuration-manager';

// Facts copied from Microsoft Learn, identical in both languages (UI labels stay in English).
const SHARED_FACTS = [
  'Windows (ConfigMgr)',
  'Windows Security experience (ConfigMgr)',
  'Enable tamper protection to prevent Microsoft Defender from being disabled',
  'Enabled',
  'Windows Security',
  'Cloud Sync',
  'Make this collection available to assign Endpoint security policies from Microsoft Intune admin center',
  '2006',
  'Windows Server 2019',
  'ARM64',
  'Microsoft Defender for Endpoint',
];

describe('tp-enable-configmgr', () => {
  it('is a tamper-protection entry related to the other ways to turn it on', () => {
    expect(entry().category).toBe('tamper-protection');
    expect(entry().related).toEqual(
      expect.arrayContaining(['tp-enable-intune', 'tp-enable-mde', 'tamper-protection-overview']),
    );
  });

  it('names tenant attach, the version, the platform, the profile and the setting in English', () => {
    const en = textOf('en');
    for (const fact of [
      ...SHARED_FACTS,
      'tenant attach',
      'version 2006',
      'Intune admin center',
      'Endpoint security > Antivirus',
    ])
      expect(en, fact).toContain(fact);
    expect(en).toMatch(/can't configure tamper protection directly/u);
    expect(en).toMatch(/precedence over the organization-wide setting in the Microsoft Defender portal/u);
  });

  it('names tenant attach, the version, the platform, the profile and the setting in Japanese', () => {
    const ja = textOf('ja');
    for (const fact of [
      ...SHARED_FACTS,
      'テナント アタッチ',
      'バージョン 2006',
      'Intune 管理センター',
      '[エンドポイント セキュリティ]>[ウイルス対策]',
    ])
      expect(ja, fact).toContain(fact);
    expect(ja).toContain('「Windows (ConfigMgr)」');
    expect(ja).toContain('「Windows Security experience (ConfigMgr)」');
    expect(ja).toMatch(/直接構成することはできません/u);
  });

  it('keeps the short answer for the employee free of UI labels', () => {
    for (const language of ['ja', 'en'] as const) {
      expect(entry()[language].short, language).not.toContain('ConfigMgr)');
      expect(entry()[language].short, language).not.toContain('Enable tamper protection');
    }
  });

  it('links the Learn pages in the right locale', () => {
    const urls = (language: Language): string[] => entry()[language].links.map((link) => link.url);
    expect(urls('ja')).toContain(`https://learn.microsoft.com/ja-jp/${LEARN_PAGE}`);
    expect(urls('en')).toContain(`https://learn.microsoft.com/en-us/${LEARN_PAGE}`);
    expect(urls('ja')).toContain(`https://learn.microsoft.com/ja-jp/${LEARN_TENANT_ATTACH_PAGE}`);
    expect(urls('en')).toContain(`https://learn.microsoft.com/en-us/${LEARN_TENANT_ATTACH_PAGE}`);
  });

  it('has at least 6 sample questions per language, some naming SCCM', () => {
    for (const language of ['ja', 'en'] as const) {
      const { questions } = entry()[language];
      expect(questions.length, language).toBeGreaterThanOrEqual(6);
      expect(
        questions.some((question) => /sccm/iu.test(question)),
        language,
      ).toBe(true);
    }
  });
});
