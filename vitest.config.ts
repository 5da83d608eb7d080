import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 15000,
    hookTimeout: 15000,
    // restify loads spdy, whose http-deceiver calls process.binding('http_parser') (DEP0111) in every worker that
    // imports the server; the same flag as `npm start` keeps that one known warning out of the test output.
    execArgv: ['--disable-warning=DEP0111'],
    // After the summary: a loud notice when the browser tests were skipped for want of Chromium or its fonts.
    reporters: ['default', './test/support/browser-notice-reporter.ts'],
  },
});
