// Runs before the test suite (npm test): makes sure the browser test has Chromium and the Japanese and emoji fonts.
// As root with Debian's apt-get, installs only what is missing and never upgrades a package already on the machine
// (a simulation first: if installing would upgrade anything, nothing is installed). Otherwise, or when that is not
// possible, prints a loud notice that the browser tests will be skipped and how to enable them, and lets the rest
// of the suite run; with REQUIRE_BROWSER_TESTS=1 (.ci/run) a missing need fails instead.
import { execFileSync, spawnSync } from 'node:child_process';

import { browserTestsRequired, missingBrowserNeeds, aptPlan, skippedNotice } from '../test/support/browser-needs.js';

const APT_FLAGS = ['-y', '-q', '--no-upgrade', '--no-install-recommends'];
const APT_ENV = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };

function hasAptGet(): boolean {
  return spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Simulates the install; undefined when apt cannot find the packages (no package lists yet). */
function simulate(packages: readonly string[]): { installs: string[]; upgrades: string[] } | undefined {
  const result = spawnSync('apt-get', ['install', '-s', ...APT_FLAGS, ...packages], { encoding: 'utf8', env: APT_ENV });
  return result.status === 0 ? aptPlan(result.stdout) : undefined;
}

/** Installs `packages` if that upgrades nothing; returns why not otherwise. */
function install(packages: readonly string[]): string | undefined {
  let plan = simulate(packages);
  if (plan === undefined) {
    console.error('Reading the package lists (apt-get update) to find the browser test packages ...');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env: APT_ENV });
    plan = simulate(packages);
  }
  if (plan === undefined) return `apt-get cannot find ${packages.join(' ')}`;
  if (plan.upgrades.length > 0)
    return `installing them would upgrade packages already on this machine (${plan.upgrades.join(', ')}); nothing was installed`;
  console.error(
    `Installing for the browser test: ${packages.join(' ')} (${plan.installs.length} new packages, nothing upgraded)`,
  );
  const result = spawnSync('apt-get', ['install', ...APT_FLAGS, ...packages], { stdio: 'inherit', env: APT_ENV });
  return result.status === 0 ? undefined : `apt-get install ended with exit code ${String(result.status)}`;
}

let missing = missingBrowserNeeds();
if (missing.length > 0) {
  // A CHROMIUM_PATH of one's own is not something apt-get can provide.
  const installable = missing
    .filter((need) => need.debianPackage !== 'chromium' || !process.env['CHROMIUM_PATH'])
    .map((need) => need.debianPackage);
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const why =
    installable.length === 0
      ? undefined
      : !root
        ? 'not running as root'
        : !hasAptGet()
          ? 'no Debian apt-get on this machine'
          : install(installable);
  if (why !== undefined) console.error(`Browser test packages not installed: ${why}.`);
  missing = missingBrowserNeeds();
}
if (missing.length > 0) {
  console.error(skippedNotice(missing));
  if (browserTestsRequired()) {
    console.error('REQUIRE_BROWSER_TESTS=1: failing instead of skipping.');
    process.exit(1);
  }
}
