// `npm start`: builds dist/ when TypeScript is installed (a development clone), then runs the bot IN THIS PROCESS.
// One process means a signal sent to `npm start` (npm passes SIGTERM and SIGINT on to its script) reaches the bot
// itself, which shuts down gracefully. With production dependencies only (a hosting folder after
// `npm prune --omit=dev`) there is no TypeScript: the dist/ built before is run as it is.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = join(ROOT, 'dist', 'index.js');

function typescriptCompiler() {
  try {
    return createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    return undefined;
  }
}

/** Runs one build step (a Node script); a signal that arrives meanwhile stops the build and this process with it. */
function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGTERM', forward);
    process.on('SIGINT', forward);
    child.once('exit', (code, signal) => {
      process.off('SIGTERM', forward);
      process.off('SIGINT', forward);
      resolve(signal ? 1 : (code ?? 1));
    });
  });
}

const tsc = typescriptCompiler();
if (tsc !== undefined) {
  // tsc, then the bundle that replaces dist/index.js (scripts/bundle.mjs), as `npm run build` does.
  let code = await run([tsc, '-p', 'tsconfig.build.json']);
  if (code === 0) code = await run([join(ROOT, 'scripts', 'bundle.mjs')]);
  if (code !== 0) {
    console.error('npm start: the build failed (above); nothing was started.');
    process.exit(code);
  }
  // The start cache, as `npm run build` writes it (the bot starts without it too, only slower).
  await import(pathToFileURL(join(ROOT, 'dist', 'cli', 'write-start-cache.js')).href);
} else if (!existsSync(ENTRY)) {
  console.error(
    'npm start: dist/index.js is missing and TypeScript is not installed. Build first with all dependencies: npm ci && npm run build',
  );
  process.exit(1);
}
// Node 22.1 and later keep V8's compiled code on disk between starts; Node 20 has no such cache (nothing to do there).
module.enableCompileCache?.();
await import(pathToFileURL(ENTRY).href);
