import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { describe, expect, it } from 'vitest';

import { ROOT } from './support/start-test-app.js';

// The shell: process entry, composition root, HTTP, bot wiring, logging, file loaders, storage adapters.
const SHELL = [
  /^src\/index\.ts$/u,
  /^src\/app\.ts$/u,
  /^src\/http\//u,
  /^src\/bot\//u,
  /^src\/log\//u,
  /^src\/storage\//u,
  /^src\/config\/env-file\.ts$/u,
  /\/load-[a-z-]+\.ts$/u,
  /^src\/cli\//u,
];
const FORBIDDEN_IN_CORE = /from '(botbuilder[^']*|restify|node:fs|node:fs\/promises|fs|node:http|node:child_process)'/u;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('architecture', () => {
  const files = sourceFiles(join(ROOT, 'src')).map((file) => relative(ROOT, file));

  it('keeps botbuilder, restify, fs and http out of the core', () => {
    const core = files.filter((file) => !SHELL.some((pattern) => pattern.test(file)));
    expect(core.length).toBeGreaterThan(5);
    const offenders = core.filter((file) => FORBIDDEN_IN_CORE.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('reads process.env only in process entries (the bot and the CLIs)', () => {
    const readers = files.filter((file) => readFileSync(join(ROOT, file), 'utf8').includes('process.env'));
    expect(readers.filter((file) => file !== 'src/index.ts' && !file.startsWith('src/cli/'))).toEqual([]);
  });

  it('uses no console logging in src', () => {
    const offenders = files.filter((file) =>
      /console\.(log|error|warn|info)/u.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
