// Build step (`npm run build`, `npm start` in a development clone): bundles the bot (src/index.ts and everything it
// imports, dependencies included) into dist/index.js with esbuild, replacing tsc's entry module. Node then reads a few
// files instead of ~1,500 modules and never runs the CommonJS export scan, which takes about a third off the start-up
// (measured by bench/startup.ts). tsc's other modules stay in dist/: the CLIs run them, and the start cache's digest
// reads them (the bundle is built from the same sources in the same build).
// The Azure Blob Storage SDK stays a separate chunk loaded only with STORAGE=blob, as app.ts imports it on demand.
import { readFile, readdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');

// Every module of the bundle runs from dist/index.js, so `import.meta.url` would name the bundle for all of them. Each
// use is rewritten to the URL the module has in tsc's output (dist/<same path>.js), so paths built from it (the
// repository root, the start cache, the code the start cache's digest covers) stay what they are unbundled.
const moduleRelativeImportMetaUrl = {
  name: 'module-relative-import-meta-url',
  setup(bundler) {
    // esbuild takes Go regular expressions: no flags.
    bundler.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (!args.path.startsWith(SRC)) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const compiled = `./${relative(SRC, args.path).replace(/\.ts$/u, '.js')}`;
      return {
        contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(compiled)}, import.meta.url).href`),
        loader: 'ts',
      };
    });
  },
};

// Chunks of an earlier build are not imported by the new entry; removed so that dist/ holds only what runs.
for (const name of await readdir(DIST).catch(() => []))
  if (/^chunk-[A-Z0-9]+\.js(\.map)?$/u.test(name)) await rm(join(DIST, name));

await build({
  absWorkingDir: ROOT,
  entryPoints: { index: 'src/index.ts' },
  outdir: 'dist',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [moduleRelativeImportMetaUrl],
  // restify's optional DTrace probes: a native module it loads in a try/catch.
  external: ['dtrace-provider'],
  // CommonJS dependencies call require() (Node built-ins, optional modules); an ES module has none of its own.
  banner: {
    js: "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);",
  },
});
