import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import { questionHash } from '../../src/analytics/analytics-event.js';
import { buildReport, formatReport } from '../../src/analytics/build-report.js';
import { messageActivity } from '../support/activities.js';
import { postActivity, ROOT, startTestApp } from '../support/start-test-app.js';

const run = promisify(execFile);
const AT = '2026-11-29T05:00:00.000Z';

describe('buildReport', () => {
  it('ranks unanswered questions, worst entries, escalations and rejected choices', () => {
    const report = buildReport(
      [
        { kind: 'turn', at: AT, outcome: 'answer', entryId: 'a', language: 'en' },
        { kind: 'turn', at: AT, outcome: 'none', language: 'en' },
        { kind: 'turn', at: AT, outcome: 'none', language: 'ja' },
        { kind: 'unanswered', at: AT, language: 'en', questionHash: 'h1' },
        { kind: 'unanswered', at: AT, language: 'en', questionHash: 'h1' },
        { kind: 'unanswered', at: AT, language: 'ja', questionHash: 'h2', question: 'VPN がつながらない' },
        { kind: 'feedback', at: AT, entryId: 'a', helpful: true, language: 'en' },
        { kind: 'feedback', at: AT, entryId: 'b', helpful: false, language: 'en' },
        { kind: 'feedback', at: AT, entryId: 'b', helpful: true, language: 'en' },
        { kind: 'choices-not-picked', at: AT, offered: ['a', 'b'], language: 'en' },
        {
          kind: 'escalation',
          at: AT,
          ticketId: 'MDAV-20261129-0001',
          entryIds: ['b'],
          findingIds: ['cloud-protection-off'],
        },
      ],
      new Date(AT),
      new Date(AT),
    );
    expect(report.outcomes).toEqual({ answer: 1, none: 2 });
    expect(report.topUnanswered).toEqual([
      { question: '#h1', count: 2 },
      { question: 'VPN がつながらない', count: 1 },
    ]);
    expect(report.worstEntries.map((entry) => [entry.entryId, entry.ratio])).toEqual([
      ['b', 0.5],
      ['a', 1],
    ]);
    expect(report.escalationsPerEntry).toEqual([{ entryId: 'b', count: 1 }]);
    expect(report.escalationsPerFinding).toEqual([{ findingId: 'cloud-protection-off', count: 1 }]);
    expect(report.choicesNotPicked).toEqual([
      { entryId: 'a', count: 1 },
      { entryId: 'b', count: 1 },
    ]);
    expect(formatReport(report)).toContain('Top unanswered questions');
  });

  it('hashes questions the same way whatever their width, case and spacing', () => {
    expect(questionHash('ＶＰＮ  Not Working')).toBe(questionHash('vpn not working'));
  });
});

/** Has a conversation that produces every kind of record, stops the bot, and returns the data folder. */
async function conversation(storeQuestions: boolean): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'report-'));
  const bot = await startTestApp({ STORAGE: 'file', DATA_DIR: dataDir, STORE_QUESTIONS: String(storeQuestions) });
  const say = async (fields: Record<string, unknown>) =>
    (
      (
        await postActivity(
          bot.baseUrl,
          messageActivity({
            serviceUrl: 'http://127.0.0.1:9',
            conversationId: 'c-report',
            expectReplies: true,
            extra: fields,
          }),
        )
      ).json as {
        activities: Array<{
          attachments?: Array<{ content: { actions?: Array<{ data: Record<string, string> }>; body?: unknown } }>;
        }>;
      }
    ).activities;
  await say({ text: 'my printer on floor 3 is jammed again' });
  const [answer] = await say({ text: 'why is my app slow the first time it starts?' });
  const down = JSON.stringify(answer).includes('"value":"down"');
  expect(down).toBe(true);
  await say({
    text: undefined,
    value: { verb: 'feedback', value: 'down', entryId: 'slow-first-launch', language: 'en' },
  });
  const [choices] = await say({ text: 'tamper protection' });
  const none = choices?.attachments?.[0]?.content.actions?.find((action) => action.data['verb'] === 'none-of-these');
  await say({ text: undefined, value: none?.data });
  await say({ text: 'ValidateMapsConnection failed to establish a connection to MAPS (hr=0x80508015 httpcode=451)' });
  const [form] = await say({ text: 'escalate' });
  const data = form?.attachments?.[0]?.content.actions?.[0]?.data ?? {};
  await say({
    text: undefined,
    value: { ...data, deviceName: 'PC-R', tried: 'nothing', impact: 'low', mdeOnboarded: 'no', intuneManaged: 'no' },
  });
  await bot.stop();
  return dataDir;
}

const report = (dataDir: string) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', '--json'], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', STORAGE: 'file', DATA_DIR: dataDir },
  });

const analyticsText = (dataDir: string): string =>
  readdirSync(dataDir)
    .filter((name) => name.startsWith('analytics'))
    .map((name) => readFileSync(join(dataDir, name), 'utf8'))
    .join('\n');

describe('feedback and unanswered records through storage, and npm run report', () => {
  it('reports what happened, keeping only hashes of questions by default', async () => {
    const dataDir = await conversation(false);
    const result = JSON.parse((await report(dataDir)).stdout) as ReturnType<typeof buildReport>;
    expect(result.outcomes).toMatchObject({ answer: 1, choices: 1, none: 1, diagnosis: 1 });
    expect(result.topUnanswered).toEqual([
      { question: `#${questionHash('my printer on floor 3 is jammed again')}`, count: 1 },
    ]);
    expect(result.worstEntries).toEqual([{ entryId: 'slow-first-launch', helpful: 0, notHelpful: 1, ratio: 0 }]);
    expect(result.choicesNotPicked.length).toBeGreaterThanOrEqual(2);
    expect(result.escalationsPerFinding).toEqual([{ findingId: 'maps-cloud-disabled-or-blocked', count: 1 }]);
    expect(result.escalationsPerEntry.map((item) => item.entryId)).toContain('slow-first-launch');
    const stored = analyticsText(dataDir);
    expect(stored).not.toContain('printer');
    expect(stored).not.toContain('slow the first time');
  }, 30_000);

  it('keeps question text when STORE_QUESTIONS is true', async () => {
    const dataDir = await conversation(true);
    const result = JSON.parse((await report(dataDir)).stdout) as ReturnType<typeof buildReport>;
    expect(result.topUnanswered).toEqual([{ question: 'my printer on floor 3 is jammed again', count: 1 }]);
    expect(analyticsText(dataDir)).toContain('why is my app slow the first time it starts?');
  }, 30_000);
});
