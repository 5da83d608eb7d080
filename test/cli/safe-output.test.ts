import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import { questionFields } from '../../src/analytics/analytics-event.js';
import { createAnalyticsStore } from '../../src/analytics/analytics-store.js';
import { escapeControl, safeJson, safeStrings, safeText } from '../../src/cli/safe-output.js';
import { createTicketStore } from '../../src/escalation/ticket-store.js';
import { openFileStore } from '../../src/storage/file-store.js';
import { ROOT } from '../support/start-test-app.js';
import { sampleTicket } from '../support/tickets.js';

const run = promisify(execFile);

// Clear screen, an OSC 52 clipboard write, an OSC 8 fake hyperlink, a C1 CSI, a bell, DEL and a bidi override.
const CLEAR = '\u001b[2J\u001b[H';
const CLIPBOARD = '\u001b]52;c;cm0gLXJmIH4=\u0007';
const LINK = '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\';
const C1 = '\u009b31m';
const NASTY = `${CLEAR}PC${CLIPBOARD}${LINK}${C1}\u007f\u202eevil\nforged line`;
// Any character a terminal acts on: none may reach the operator raw.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

describe('safe console output', () => {
  it('shows control characters as escapes and leaves other text alone', () => {
    expect(escapeControl('a\u001b[2Jb\nc\u009b\u202e')).toBe('a\\x1b[2Jb\\x0ac\\x9b\\u{202e}');
    expect(safeText('line 1\nline\u0007 2')).toBe('line 1\nline\\x07 2');
    expect(escapeControl('改ざん防止 🛡️ PC-01')).toBe('改ざん防止 🛡️ PC-01');
    expect(safeStrings({ a: ['\u001b'], b: 1 })).toEqual({ a: ['\\x1b'], b: 1 });
    const json = safeJson({ text: NASTY });
    expect(json).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(json)).toEqual({ text: NASTY });
  });

  it('keeps escape sequences typed by users out of `npm run tickets` and `npm run report`, text and JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-escapes-'));
    const store = await openFileStore(dir);
    const tickets = createTicketStore(store);
    const now = new Date();
    const { ticket } = await tickets.createOnce(
      'conv/draft-escapes',
      (id) =>
        sampleTicket({
          id,
          requester: { id: 'u1', name: `Mallory${CLEAR}` },
          form: { deviceName: NASTY, tried: NASTY, impact: 'high', mdeOnboarded: 'no', intuneManaged: 'no' },
        }),
      now,
    );
    await tickets.apply(ticket.id, { kind: 'request-info', by: { id: 'l2', name: `L2${LINK}` }, question: NASTY }, now);
    const analytics = createAnalyticsStore(store);
    analytics.record({ kind: 'unanswered', at: now.toISOString(), language: 'en', ...questionFields(NASTY, true) });
    await analytics.flush();

    const env = { PATH: process.env['PATH'] ?? '', STORAGE: 'file', DATA_DIR: dir };
    const cli = async (script: string, ...args: string[]): Promise<string> =>
      (await run(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env })).stdout;
    const outputs = {
      list: await cli('src/cli/tickets.ts', 'list'),
      show: await cli('src/cli/tickets.ts', 'show', ticket.id),
      report: await cli('src/cli/report.ts'),
      reportJson: await cli('src/cli/report.ts', '--json'),
    };
    for (const [name, output] of Object.entries(outputs)) {
      expect(output, name).not.toMatch(RAW_CONTROL);
      expect(output, name).toContain(name.endsWith('Json') ? '\\u001b' : '\\x1b');
    }
    expect(outputs.show).toContain('device: \\x1b[2J\\x1b[HPC\\x1b]52;c;cm0gLXJmIH4=\\x07');
    // The user's newline does not forge a line of its own.
    expect(outputs.show.split('\n').some((line) => line.startsWith('forged line'))).toBe(false);
    expect(
      (JSON.parse(outputs.reportJson) as { topUnanswered: Array<{ question: string }> }).topUnanswered[0]?.question,
    ).toBe(NASTY.slice(0, 500));
  }, 60_000);
});
