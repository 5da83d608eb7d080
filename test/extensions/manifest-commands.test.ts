import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import { validateAgainstTeamsSchema } from '../../src/cli/validate-teams-schema.js';
import { COMMAND_IDS } from '../../src/extensions/compose-extensions.js';
import { fillTemplate } from '../../src/package/build-app-package.js';
import { readZip } from '../../src/package/zip.js';
import { ROOT } from '../support/start-test-app.js';

const BOT_ID = '8f7e6d5c-4b3a-4291-8807-6a5b4c3d2e1f';
const settings = {
  botId: BOT_ID,
  version: '1.0.0',
  developerName: 'x',
  websiteUrl: 'https://a',
  privacyUrl: 'https://a',
  termsUrl: 'https://a',
};

interface Command {
  id: string;
  type: string;
  title: string;
  description: string;
  context: string[];
  fetchTask?: boolean;
  initialRun?: boolean;
  parameters?: Array<{ name: string; title: string; description: string }>;
}

const manifest = JSON.parse(
  fillTemplate(readFileSync(join(ROOT, 'appPackage/manifest.template.json'), 'utf8'), settings),
) as { composeExtensions: Array<{ botId: string; commands: Command[] }> };
const ja = JSON.parse(readFileSync(join(ROOT, 'appPackage/ja.json'), 'utf8')) as Record<string, string>;
const commands = manifest.composeExtensions[0]?.commands ?? [];

describe('the message extension in the app manifest', () => {
  it('declares exactly the commands the bot answers, on the bot, and validates against the v1.24 schema', () => {
    expect(manifest.composeExtensions).toHaveLength(1);
    expect(manifest.composeExtensions[0]?.botId).toBe(BOT_ID);
    expect(commands.map((command) => command.id).sort()).toEqual(Object.values(COMMAND_IDS).sort());
    expect(validateAgainstTeamsSchema('MicrosoftTeams.schema.json', manifest)).toEqual([]);
    expect(validateAgainstTeamsSchema('MicrosoftTeams.Localization.schema.json', ja)).toEqual([]);
  });

  it('makes the searches query commands with a query parameter and the diagnosis a message action with a dialog', () => {
    for (const command of commands.filter((item) => item.id !== COMMAND_IDS.diagnoseMessage)) {
      expect(command).toMatchObject({ type: 'query', context: ['compose', 'commandBox'] });
      expect(command.parameters?.map((parameter) => parameter.name)).toEqual(['query']);
    }
    // Ticket lists show at once; the knowledge search waits for text.
    expect(commands.filter((command) => command.initialRun === true).map((command) => command.id)).toEqual([
      COMMAND_IDS.ticketsOpen,
      COMMAND_IDS.ticketsMine,
      COMMAND_IDS.ticketsAll,
    ]);
    expect(commands.find((command) => command.id === COMMAND_IDS.diagnoseMessage)).toMatchObject({
      type: 'action',
      context: ['message'],
      fetchTask: true,
    });
  });

  it('has a Japanese title and description for every command and parameter', () => {
    for (const [index, command] of commands.entries()) {
      for (const field of ['title', 'description'] as const) {
        const key = `composeExtensions[0].commands[${index}].${field}`;
        expect(ja[key], key).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);
      }
      for (const [position] of (command.parameters ?? []).entries()) {
        for (const field of ['title', 'description'] as const) {
          const key = `composeExtensions[0].commands[${index}].parameters[${position}].${field}`;
          expect(ja[key], key).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);
        }
      }
    }
  });
});

describe('npm run package with the message extension', () => {
  it('puts the commands and their Japanese strings into the zip, validated', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'pkg-ext-')), 'app.zip');
    const result = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli/package-app.ts', '--bot-id', BOT_ID, '--out', out, '--allow-placeholders'],
      { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '' } },
    );
    expect(result.stdout).toContain('manifest valid against schema v1.24');
    const entries = new Map(readZip(readFileSync(out)).map((entry) => [entry.name, entry.data.toString('utf8')]));
    const packaged = JSON.parse(entries.get('manifest.json') ?? '{}') as typeof manifest;
    expect(packaged.composeExtensions[0]?.commands.map((command) => command.id)).toEqual(
      commands.map((command) => command.id),
    );
    expect(
      (JSON.parse(entries.get('ja.json') ?? '{}') as Record<string, unknown>)['composeExtensions[0].commands[4].title'],
    ).toBe('Defender ボットで診断');
  }, 30_000);
});
