import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import { validateAgainstTeamsSchema } from '../../src/cli/validate-teams-schema.js';
import { checkSettings, fillTemplate } from '../../src/package/build-app-package.js';
import { pngSize } from '../../src/package/png.js';
import { readZip } from '../../src/package/zip.js';
import { ROOT } from '../support/start-test-app.js';

const run = promisify(execFile);
const BOT_ID = '8f7e6d5c-4b3a-4291-8807-6a5b4c3d2e1f';
const PAGES = {
  PACKAGE_WEBSITE_URL: 'https://support.contoso.co.jp/mdav',
  PACKAGE_PRIVACY_URL: 'https://support.contoso.co.jp/mdav/privacy',
  PACKAGE_TERMS_URL: 'https://support.contoso.co.jp/mdav/terms',
};
const packageCli = (args: string[], env: Record<string, string> = PAGES) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli/package-app.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...env },
  });

describe('npm run package', () => {
  it('writes a zip with the manifest, the Japanese localization and icons of the right sizes', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'pkg-')), 'app.zip');
    const result = await packageCli(['--bot-id', BOT_ID, '--out', out]);
    expect(result.stdout).toContain('manifest valid against schema v1.24');
    const entries = new Map(readZip(readFileSync(out)).map((entry) => [entry.name, entry.data]));
    expect([...entries.keys()].sort()).toEqual(['color.png', 'ja.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '{}') as {
      id: string;
      bots: Array<{
        botId: string;
        scopes: string[];
        supportsFiles?: boolean;
        commandLists: Array<{ commands: Array<{ title: string }> }>;
      }>;
    };
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest).toMatchObject({
      developer: {
        websiteUrl: PAGES.PACKAGE_WEBSITE_URL,
        privacyUrl: PAGES.PACKAGE_PRIVACY_URL,
        termsOfUseUrl: PAGES.PACKAGE_TERMS_URL,
      },
    });
    expect(manifest.bots[0]?.botId).toBe(BOT_ID);
    expect(manifest.bots[0]?.scopes).toEqual(['personal', 'team']);
    // Without supportsFiles Teams offers no attach button in the personal chat, so no .txt/.log file reaches the bot.
    expect(manifest.bots[0]?.supportsFiles).toBe(true);
    expect(manifest.bots[0]?.commandLists[0]?.commands.map((command) => command.title)).toEqual([
      'help',
      'topics',
      'escalate',
    ]);
    expect(pngSize(entries.get('color.png') ?? Buffer.alloc(24))).toEqual({ width: 192, height: 192 });
    expect(pngSize(entries.get('outline.png') ?? Buffer.alloc(24))).toEqual({ width: 32, height: 32 });
    expect(validateAgainstTeamsSchema('MicrosoftTeams.schema.json', manifest)).toEqual([]);
    expect(
      validateAgainstTeamsSchema(
        'MicrosoftTeams.Localization.schema.json',
        JSON.parse(entries.get('ja.json')?.toString('utf8') ?? '{}'),
      ),
    ).toEqual([]);
  }, 30_000);

  it('fails with a clear message when the bot id is missing', async () => {
    await expect(packageCli(['--out', join(tmpdir(), 'never.zip')])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('the bot id is missing: set MicrosoftAppId or pass --bot-id'),
    });
  });

  it('refuses missing or placeholder page URLs unless --allow-placeholders, naming each variable', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'pkg-')), 'app.zip');
    await expect(packageCli(['--bot-id', BOT_ID, '--out', out], {})).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /PACKAGE_WEBSITE_URL is not set.*PACKAGE_PRIVACY_URL is not set.*PACKAGE_TERMS_URL is not set/su,
      ),
    });
    await expect(
      packageCli(['--bot-id', BOT_ID, '--out', out], {
        ...PAGES,
        PACKAGE_PRIVACY_URL: 'https://intranet.example.com/privacy',
      }),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        "PACKAGE_PRIVACY_URL 'https://intranet.example.com/privacy' is a placeholder address",
      ),
    });
    expect(existsSync(out)).toBe(false);
    const allowed = await packageCli(['--bot-id', BOT_ID, '--out', out, '--allow-placeholders'], {});
    expect(allowed.stdout).toContain('package written');
    const manifest = JSON.parse(
      readZip(readFileSync(out))
        .find((entry) => entry.name === 'manifest.json')
        ?.data.toString('utf8') ?? '{}',
    ) as { developer: { websiteUrl: string } };
    expect(manifest.developer.websiteUrl).toBe('https://intranet.example.com/mdav-support');
  }, 30_000);

  it('names every bad setting', () => {
    expect(
      checkSettings({
        botId: 'not-a-guid',
        version: '1.0',
        developerName: 'x',
        websiteUrl: 'http://x',
        privacyUrl: 'https://x',
        termsUrl: '',
      }),
    ).toEqual([
      "the bot id 'not-a-guid' is not a GUID (the Azure Bot's Microsoft App ID)",
      "the version '1.0' is not x.y.z",
      "the website URL 'http://x' must be https",
      "the terms of use URL '' must be https",
    ]);
  });

  it('has a schema check that rejects a broken manifest', () => {
    const template = readFileSync(join(ROOT, 'appPackage/manifest.template.json'), 'utf8');
    const manifest = JSON.parse(
      fillTemplate(template, {
        botId: BOT_ID,
        version: '1.0.0',
        developerName: 'x',
        websiteUrl: 'https://a',
        privacyUrl: 'https://a',
        termsUrl: 'https://a',
      }),
    ) as Record<string, unknown>;
    expect(validateAgainstTeamsSchema('MicrosoftTeams.schema.json', manifest)).toEqual([]);
    expect(
      validateAgainstTeamsSchema('MicrosoftTeams.schema.json', { ...manifest, accentColor: 'purple', bots: 'none' })
        .length,
    ).toBeGreaterThanOrEqual(2);
  });
});
