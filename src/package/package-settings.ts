/** The Teams app package's settings: the PACKAGE_* variables, their placeholders, and placeholder detection. */

import type { ConfigVariable } from '../config/read-config.js';

/** The PACKAGE_* variables `npm run package` reads (environment or `.env`), as the README's table documents them. */
export const PACKAGE_VARIABLES: readonly ConfigVariable[] = Object.freeze([
  {
    name: 'PACKAGE_DEVELOPER_NAME',
    defaultValue: 'IT Support',
    meaning: '`npm run package`: the developer name shown on the app in Teams (your team or company).',
  },
  {
    name: 'PACKAGE_WEBSITE_URL',
    defaultValue: '(none: required)',
    meaning:
      '`npm run package`: https page about the bot (manifest websiteUrl), e.g. on your intranet. Without it the command stops, unless `--allow-placeholders` (test packages) fills in https://intranet.example.com/mdav-support.',
  },
  {
    name: 'PACKAGE_PRIVACY_URL',
    defaultValue: '(none: required)',
    meaning: '`npm run package`: https privacy statement (manifest privacyUrl); required like PACKAGE_WEBSITE_URL.',
  },
  {
    name: 'PACKAGE_TERMS_URL',
    defaultValue: '(none: required)',
    meaning: '`npm run package`: https terms of use (manifest termsOfUseUrl); required like PACKAGE_WEBSITE_URL.',
  },
]);

/** Stand-ins used only with `--allow-placeholders`. */
export const PLACEHOLDER_URLS: Readonly<Record<string, string>> = Object.freeze({
  PACKAGE_WEBSITE_URL: 'https://intranet.example.com/mdav-support',
  PACKAGE_PRIVACY_URL: 'https://intranet.example.com/mdav-support/privacy',
  PACKAGE_TERMS_URL: 'https://intranet.example.com/mdav-support/terms',
});

/**
 * True for a URL on a name reserved for examples and tests (example.com/.net/.org, .example, .test, .invalid,
 * localhost).
 */
function isPlaceholderUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return (
    /(^|\.)example\.(com|net|org)$/u.test(host) ||
    /\.(example|test|invalid|localhost)$/u.test(host) ||
    host === 'localhost'
  );
}

/**
 * The package URLs from `env`: every missing or placeholder URL is a problem unless `allowPlaceholders`, in which case
 * a missing one gets its placeholder.
 */
export function packageUrls(
  env: Readonly<Record<string, string | undefined>>,
  allowPlaceholders: boolean,
): { urls: Record<string, string>; problems: string[] } {
  const urls: Record<string, string> = {};
  const problems: string[] = [];
  for (const [name, placeholder] of Object.entries(PLACEHOLDER_URLS)) {
    const value = (env[name] ?? '').trim();
    if (allowPlaceholders) urls[name] = value || placeholder;
    else if (value === '')
      problems.push(
        `${name} is not set: the manifest needs your page (https://...); --allow-placeholders builds a test package with ${placeholder}`,
      );
    else if (isPlaceholderUrl(value))
      problems.push(
        `${name} '${value}' is a placeholder address; set your real page, or pass --allow-placeholders for a test package`,
      );
    else urls[name] = value;
  }
  return { urls, problems };
}
