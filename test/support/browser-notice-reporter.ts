/** Vitest reporter: after the summary, repeats loudly that the browser tests were skipped (and how to enable them). */

import type { Reporter, TestModule } from 'vitest/node';

import { BROWSER_TEST_FILES, browserTestsRequired, missingBrowserNeeds, skippedNotice } from './browser-needs.js';

export default class BrowserNoticeReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const selected = testModules.some((module) => BROWSER_TEST_FILES.some((file) => module.moduleId.endsWith(file)));
    const missing = missingBrowserNeeds();
    if (selected && missing.length > 0 && !browserTestsRequired())
      process.stdout.write(`\n${skippedNotice(missing)}\n`);
  }
}
