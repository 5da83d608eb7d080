/**
 * `npm run package [-- --bot-id <app id>] [--out build/appPackage.zip]`: builds the Teams app package from
 * appPackage/ (bot id from --bot-id or MicrosoftAppId, `.env` honoured), validates the manifest and the Japanese
 * localization against the Teams JSON schemas shipped in @microsoft/app-manifest (no network), and writes the zip.
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadEnvWithFile } from '../config/env-file.js';
import { buildPackageFiles, PackageError } from '../package/build-app-package.js';
import { createZip } from '../package/zip.js';
import { validateAgainstTeamsSchema } from './validate-teams-schema.js';
import { option } from './cli-args.js';
import { safeText } from './safe-output.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function main(): number {
  const args = process.argv.slice(2);
  const env = loadEnvWithFile(process.env, '.env');
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const out = option(args, 'out') ?? join(ROOT, 'build', 'appPackage.zip');
  try {
    const files = buildPackageFiles(readFileSync(join(ROOT, 'appPackage/manifest.template.json'), 'utf8'), readFileSync(join(ROOT, 'appPackage/ja.json'), 'utf8'), {
      botId: (option(args, 'bot-id') ?? env['MicrosoftAppId'] ?? '').trim(),
      version,
      developerName: env['PACKAGE_DEVELOPER_NAME'] ?? 'IT Support',
      websiteUrl: env['PACKAGE_WEBSITE_URL'] ?? 'https://intranet.example.com/mdav-support',
      privacyUrl: env['PACKAGE_PRIVACY_URL'] ?? 'https://intranet.example.com/mdav-support/privacy',
      termsUrl: env['PACKAGE_TERMS_URL'] ?? 'https://intranet.example.com/mdav-support/terms',
    });
    const json = (name: string): unknown => JSON.parse(files.find((file) => file.name === name)?.data.toString('utf8') ?? 'null');
    const problems = [...validateAgainstTeamsSchema('MicrosoftTeams.schema.json', json('manifest.json')), ...validateAgainstTeamsSchema('MicrosoftTeams.Localization.schema.json', json('ja.json'))];
    if (problems.length > 0) throw new PackageError(problems);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, createZip(files));
    process.stdout.write(safeText(`package written: ${out} (${files.map((file) => file.name).join(', ')}); manifest valid against schema v1.24\n`));
    return 0;
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    process.stderr.write(safeText(`${error.message}\n`));
    return 1;
  }
}

process.exitCode = main();
