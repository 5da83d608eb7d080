/**
 * What the browser test needs (Chromium, Japanese and emoji fonts), whether this machine has it, and how `npm test`
 * says so. Used by scripts/ensure-chromium.ts (before the tests), the browser test (skipped without them unless
 * REQUIRE_BROWSER_TESTS=1) and the reporter that repeats the notice after the summary.
 */

import { existsSync } from 'node:fs';

/** Chromium to drive: CHROMIUM_PATH when set (a Chromium not from Debian), else Debian's. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

export interface BrowserNeed {
  readonly debianPackage: string;
  /** A file the package installs, checked instead of asking dpkg (which machines without Debian's tools lack). */
  readonly file: string;
}

const BROWSER_NEEDS: readonly BrowserNeed[] = [
  { debianPackage: 'chromium', file: CHROMIUM },
  { debianPackage: 'fonts-ipafont-gothic', file: '/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf' },
  { debianPackage: 'fonts-noto-color-emoji', file: '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf' },
];

/** The browser test files, named in the notice. */
export const BROWSER_TEST_FILES = ['test/playground/agents-playground.browser.test.ts'];

/** The needs this machine lacks. */
export function missingBrowserNeeds(): BrowserNeed[] {
  return BROWSER_NEEDS.filter((need) => !existsSync(need.file));
}

/** True when the browser tests must run (CI: `.ci/run` sets REQUIRE_BROWSER_TESTS=1): missing needs fail `npm test`. */
export function browserTestsRequired(): boolean {
  return process.env['REQUIRE_BROWSER_TESTS'] === '1';
}

/** The loud notice printed before and after the tests when the browser tests are skipped. */
export function skippedNotice(missing: readonly BrowserNeed[]): string {
  const packages = missing.map((need) => need.debianPackage).join(' ');
  const line = '='.repeat(100);
  return [
    line,
    `BROWSER TESTS SKIPPED: ${BROWSER_TEST_FILES.join(', ')} (the bot in the Agents Playground, driven by Chromium).`,
    `Missing: ${missing.map((need) => `${need.debianPackage} (${need.file})`).join(', ')}.`,
    `To run them: sudo apt-get install --no-upgrade ${packages}  (or run npm test as root, which installs them`,
    'without upgrading anything; or set CHROMIUM_PATH to another Chromium). REQUIRE_BROWSER_TESTS=1 (as .ci/run sets)',
    'turns this skip into a failure.',
    line,
  ].join('\n');
}

/**
 * What `apt-get install -s` (a simulation) would do: packages newly installed, and installed packages it would upgrade.
 */
export function aptPlan(simulation: string): { installs: string[]; upgrades: string[] } {
  const installs: string[] = [];
  const upgrades: string[] = [];
  for (const line of simulation.split('\n')) {
    // "Inst name (version ...)" installs; "Inst name [installed version] (version ...)" upgrades.
    const match = /^Inst (\S+) (\[[^\]]*\] )?\(/u.exec(line);
    if (match?.[1] === undefined) continue;
    (match[2] ? upgrades : installs).push(match[1]);
  }
  return { installs, upgrades };
}
