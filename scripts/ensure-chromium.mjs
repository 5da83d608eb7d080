// Makes sure the browser test has what it needs: Debian's Chromium and fonts for Japanese and emoji.
// Installs them with apt-get when missing and running as root (CI and the dev machines run as root);
// otherwise says exactly what to install. Runs before the test suite (npm test).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PACKAGES = ['chromium', 'fonts-ipafont-gothic', 'fonts-noto-color-emoji'];
const CHROMIUM = '/usr/bin/chromium';

function installed(name) {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).includes('install ok installed');
  } catch {
    return false;
  }
}

const missing = PACKAGES.filter((name) => !installed(name));
if (missing.length === 0 && existsSync(CHROMIUM)) process.exit(0);

if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
  console.error(`The browser test needs: ${missing.join(' ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`);
  process.exit(1);
}
console.error(`Installing for the browser test: ${missing.join(' ')}`);
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} is still missing after installing chromium`);
  process.exit(1);
}
