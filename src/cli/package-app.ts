/**
 * `npm run package [-- --bot-id <app id>] [--out build/appPackage.zip] [--allow-placeholders]`: builds the Teams app
 * package from appPackage/ (bot id from --bot-id or MicrosoftAppId, PACKAGE_* settings, `.env` honoured), validates
 * the manifest and the Japanese localization against the Teams JSON schemas shipped in @microsoft/app-manifest (no
 * network), and writes the zip. Missing or placeholder URLs stop it unless --allow-placeholders (test packages).
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadEnvWithFile } from '../config/env-file.js';
import { buildPackageFiles, checkSettings, PackageError } from '../package/build-app-package.js';
import { createZip } from '../package/zip.js';
import { validateAgainstTeamsSchema } from './validate-teams-schema.js';
import { packageUrls, PLACEHOLDER_URLS } from '../package/package-settings.js';
import { parseArgs, runCli } from './cli-args.js';
import { safeText } from './safe-output.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function main(): number {
  const args = parseArgs(process.argv.slice(2), {
    options: { 'bot-id': 'value', out: 'value', 'allow-placeholders': 'flag' },
    positionals: { min: 0, max: 0 },
    usage: 'usage: npm run package -- [--bot-id <Microsoft App ID>] [--out <file.zip>] [--allow-placeholders]',
  });
  const env = loadEnvWithFile(process.env, '.env');
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const out = args.values.get('out') ?? join(ROOT, 'build', 'appPackage.zip');
  try {
    const { urls, problems: urlProblems } = packageUrls(env, args.flags.has('allow-placeholders'));
    const settings = {
      botId: (args.values.get('bot-id') ?? env['MicrosoftAppId'] ?? '').trim(),
      version,
      developerName: (env['PACKAGE_DEVELOPER_NAME'] ?? '').trim() || 'IT Support',
      websiteUrl: urls['PACKAGE_WEBSITE_URL'] ?? PLACEHOLDER_URLS['PACKAGE_WEBSITE_URL'] ?? '',
      privacyUrl: urls['PACKAGE_PRIVACY_URL'] ?? PLACEHOLDER_URLS['PACKAGE_PRIVACY_URL'] ?? '',
      termsUrl: urls['PACKAGE_TERMS_URL'] ?? PLACEHOLDER_URLS['PACKAGE_TERMS_URL'] ?? '',
    };
    // Every problem at once: the URLs, and the bot id and the rest as they are.
    if (urlProblems.length > 0) throw new PackageError([...urlProblems, ...checkSettings(settings)]);
    const files = buildPackageFiles(
      readFileSync(join(ROOT, 'appPackage/manifest.template.json'), 'utf8'),
      readFileSync(join(ROOT, 'appPackage/ja.json'), 'utf8'),
      settings,
    );
    const json = (name: string): unknown =>
      JSON.parse(files.find((file) => file.name === name)?.data.toString('utf8') ?? 'null');
    const problems = [
      ...validateAgainstTeamsSchema('MicrosoftTeams.schema.json', json('manifest.json')),
      ...validateAgainstTeamsSchema('MicrosoftTeams.Localization.schema.json', json('ja.json')),
    ];
    if (problems.length > 0) throw new PackageError(problems);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, createZip(files));
    process.stdout.write(
      safeText(
        `package written: ${out} (${files.map((file) => file.name).join(', ')}); manifest valid against schema v1.24\n`,
      ),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    process.stderr.write(safeText(`${error.message}\n`));
    return 1;
  }
}

await runCli('package', main);
