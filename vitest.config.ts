import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 15000,
    hookTimeout: 15000,
    // restify loads spdy, whose http-deceiver calls process.binding('http_parser') (DEP0111) in every worker that
    // imports the server; the same flag as `npm start` keeps that one known warning out of the test output.
    execArgv: ['--disable-warning=DEP0111'],
    // After the summary: a loud notice when the browser tests were skipped for want of Chromium or its fonts.
    reporters: ['default', './test/support/browser-notice-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'suite', include: ['test/**/*.test.ts'], exclude: ['test/deployment/**'] } },
      // npm ci, tsc and two bot starts in a temporary folder load the machine for a minute or more: run alone,
      // after everything else, so timing-sensitive tests (the browser test) never share the CPU with it.
      {
        extends: true,
        test: { name: 'deployment', include: ['test/deployment/**/*.test.ts'], sequence: { groupOrder: 1 } },
      },
    ],
  },
});
