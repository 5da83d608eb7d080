/**
 * Builds the Teams app package: the manifest filled in, Japanese localization, generated icons; validated by schema.
 */

import { encodePng, type Painter } from './png.js';
import type { ZipEntry } from './zip.js';

export interface PackageSettings {
  readonly botId: string;
  readonly version: string;
  readonly developerName: string;
  readonly websiteUrl: string;
  readonly privacyUrl: string;
  readonly termsUrl: string;
}

/** Thrown for settings or a manifest that would make a package Teams rejects; lists every problem. */
export class PackageError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`package: ${problems.join('; ')}`);
    this.name = 'PackageError';
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** Returns the problems of the settings (an empty list when usable). */
export function checkSettings(settings: PackageSettings): string[] {
  const problems: string[] = [];
  if (settings.botId === '')
    problems.push('the bot id is missing: set MicrosoftAppId or pass --bot-id <Azure Bot app id>');
  else if (!GUID.test(settings.botId))
    problems.push(`the bot id '${settings.botId}' is not a GUID (the Azure Bot's Microsoft App ID)`);
  if (!/^\d+\.\d+\.\d+$/u.test(settings.version)) problems.push(`the version '${settings.version}' is not x.y.z`);
  for (const [name, url] of [
    ['website', settings.websiteUrl],
    ['privacy', settings.privacyUrl],
    ['terms of use', settings.termsUrl],
  ] as const) {
    if (!/^https:\/\/\S+$/u.test(url)) problems.push(`the ${name} URL '${url}' must be https`);
  }
  return problems;
}

/** Fills `{{NAME}}` placeholders of the template text. */
export function fillTemplate(template: string, settings: PackageSettings): string {
  const values: Record<string, string> = {
    BOT_ID: settings.botId,
    VERSION: settings.version,
    DEVELOPER_NAME: settings.developerName,
    WEBSITE_URL: settings.websiteUrl,
    PRIVACY_URL: settings.privacyUrl,
    TERMS_URL: settings.termsUrl,
  };
  return template.replace(/\{\{([A-Z_]+)\}\}/gu, (whole, name: string) =>
    JSON.stringify(values[name] ?? whole).slice(1, -1),
  );
}

// A shield: full width at the top, narrowing to a point at the bottom.
const inShield = (x: number, y: number, size: number, margin: number): boolean => {
  const top = margin;
  const bottom = size - margin;
  if (y < top || y > bottom) return false;
  const progress = (y - top) / (bottom - top);
  const halfWidth = ((size - 2 * margin) / 2) * (progress < 0.55 ? 1 : Math.max(0, 1 - (progress - 0.55) / 0.45));
  return Math.abs(x + 0.5 - size / 2) <= halfWidth;
};

/** The colour icon: 192 × 192, a white shield on the accent colour. */
const colorIcon: Painter = (x, y) => (inShield(x, y, 192, 44) ? [255, 255, 255, 255] : [0x46, 0x47, 0x75, 255]);
/** The outline icon: 32 × 32, a white shield outline on transparent. */
const outlineIcon: Painter = (x, y) => {
  const inside = inShield(x, y, 32, 3);
  const inner = inShield(x, y, 32, 6);
  return inside && !inner ? [255, 255, 255, 255] : [255, 255, 255, 0];
};

/** Returns the package files; the caller validates the manifest and zips them. */
export function buildPackageFiles(template: string, localization: string, settings: PackageSettings): ZipEntry[] {
  const problems = checkSettings(settings);
  if (problems.length > 0) throw new PackageError(problems);
  return [
    { name: 'manifest.json', data: Buffer.from(fillTemplate(template, settings)) },
    { name: 'ja.json', data: Buffer.from(localization) },
    { name: 'color.png', data: encodePng(192, colorIcon) },
    { name: 'outline.png', data: encodePng(32, outlineIcon) },
  ];
}
