import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { COLLECTION_SNIPPET } from '../../src/diagnosis/collection-snippet.js';
import type { Language } from '../../src/i18n/language.js';
import { t } from '../../src/i18n/messages.js';
import type { KnowledgeEntry } from '../../src/knowledge/knowledge-entry.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { startPlayground, type RunningPlayground } from '../support/agents-playground.js';
import { browserTestsRequired, missingBrowserNeeds } from '../support/browser-needs.js';
import {
  BOT_NAME,
  cardBlocks,
  clickCardButton,
  clickCardToggle,
  fillCardInput,
  launchBrowser,
  layoutProblems,
  messageText,
  openChannel,
  openPlayground,
  screenshot,
  sendAndWait,
  sendAndWaitAll,
  switchTo,
  waitForCard,
} from '../support/playground-page.js';
import { ROOT } from '../support/start-test-app.js';

const knowledge = loadKnowledge(join(ROOT, 'knowledge'));
const entry = (id: string): KnowledgeEntry => {
  const found = knowledge.byId.get(id);
  if (!found) throw new Error(`no knowledge entry ${id}`);
  return found;
};
const fixture = (name: string): string => readFileSync(join(ROOT, 'test/fixtures/pasted', name), 'utf8');

/** Asks an employee's question about slow-first-launch: short answer shown, admin part folded until clicked. */
async function expectShortAnswerFirst(page: Page, question: string, language: Language): Promise<void> {
  const answer = await sendAndWait(page, question);
  const slow = entry('slow-first-launch')[language];
  expect(await cardBlocks(answer)).toContain(slow.short);
  expect(await cardBlocks(answer), 'admin part folded').not.toContain(slow.answer);
  await screenshot(answer, `playground-short-${language}-folded`);
  await clickCardToggle(answer, t(language, 'answer.adminToggle'));
  expect(await cardBlocks(answer), 'admin part open').toContain(slow.answer);
  await screenshot(answer, `playground-short-${language}-admin-open`);
  expect(await layoutProblems(answer)).toEqual([]);
}

/**
 * Sends a helpdesk message that mixes output and a question: the answer to the question comes first (admin part
 * open), then the diagnosis of the output with the values read.
 */
async function expectAnswerThenDiagnosis(
  page: Page,
  text: string,
  id: string,
  language: Language,
  facts: readonly string[],
): Promise<void> {
  const replies = await sendAndWaitAll(page, text);
  expect(replies).toHaveLength(2);
  const [answer, diagnosis] = replies as [Locator, Locator];
  await expectAnswerCard(answer, id, language);
  expect(await cardBlocks(answer)).toContain(t(language, 'answer.adminHeading'));
  const blocks = (await cardBlocks(diagnosis)).join('\n');
  expect(blocks).toContain(t(language, 'diagnosis.title'));
  for (const fact of facts) expect(blocks).toContain(fact);
  await screenshot(answer, `playground-mixed-${language}-answer`);
  await screenshot(diagnosis, `playground-mixed-${language}-diagnosis`);
  expect(await layoutProblems(answer)).toEqual([]);
  expect(await layoutProblems(diagnosis)).toEqual([]);
}

/** The emulator's team and its current user (who is the requester in the personal chat and L2 in the channel). */
const emulator = parse(readFileSync(join(ROOT, '.m365agentsplayground.yml'), 'utf8')) as {
  currentUser: { name: string };
  team: { id: string; channels: Array<{ id: string; name: string }> };
};
const ME = emulator.currentUser.name;

/** What the requester and L2 write in the L2 flow, in the requester's language. */
const FLOW_TEXT = {
  en: {
    escalate: 'escalate',
    tried: 'Restarted the PC; cloud protection still fails.',
    question: 'Which proxy does the PC use (netsh winhttp show proxy)',
    answer: 'proxy.contoso.example:8080',
    note: 'Set the WinHTTP proxy with netsh winhttp set proxy',
  },
  ja: {
    escalate: 'エスカレーション',
    tried: 'PC を再起動しましたが、クラウド保護はまだ失敗します。',
    question: 'PC が使っているプロキシを教えてください (netsh winhttp show proxy)',
    answer: 'proxy.contoso.example:8080 です',
    note: 'netsh winhttp set proxy で WinHTTP プロキシを設定しました',
  },
} as const;

/** The position of the first block equal to `text`, failing when there is none. */
function position(blocks: readonly string[], text: string): number {
  const found = blocks.indexOf(text);
  expect(found, `"${text}" in ${JSON.stringify(blocks)}`).toBeGreaterThanOrEqual(0);
  return found;
}

/** The "when · who did what" line of a history event, whatever its time. */
const eventLine = (language: Language, key: Parameters<typeof t>[1], name = ME): RegExp => {
  const [before, after] = t(language, key, { name }).split('{time}');
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return new RegExp(`^${escape(before ?? '')}\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC${escape(after ?? '')}$`, 'u');
};

/**
 * The whole L2 flow in the emulator, on one page: the requester escalates in the personal chat (in `user`'s
 * language), the ticket card appears in `channel` (in `l2`'s language), L2 assigns, asks the user, the user answers in
 * the personal chat, L2 resolves, the user sees the reopen button, L2 reopens and the user is told, the button gone.
 */
async function runL2Flow(page: Page, channel: string, l2: Language, user: Language): Promise<void> {
  const text = FLOW_TEXT[user];
  const shot = (step: string): string => `playground-l2-${l2}-user-${user}-${step}`;

  const form = await sendAndWait(page, text.escalate);
  await fillCardInput(form, t(user, 'escalation.device'), 'PC-0042');
  await fillCardInput(form, t(user, 'escalation.tried'), text.tried);
  const created = await clickCardButton(page, form, t(user, 'escalation.submit'));
  const id = /MDAV-\d{8}-\d{4}/u.exec(await messageText(created))?.[0] ?? '';
  expect(id).not.toBe('');
  expect(await messageText(created)).toContain(t(user, 'ticket.delivered'));

  // The ticket card is posted in the L2 channel.
  await switchTo(page, channel);
  let card = await waitForCard(page, id);
  let blocks = await cardBlocks(card);
  expect(blocks).toContain(`🎫 ${t(l2, 'ticket.title', { id })}`);
  expect(blocks).toContain(`${t(l2, 'l2.status')}: ${t(l2, 'ticket.status.open')}`);
  expect(blocks[position(blocks, t(l2, 'l2.history')) + 1]).toMatch(eventLine(l2, 'l2.event.created'));
  await screenshot(card, shot('1-posted'));
  expect(await layoutProblems(card)).toEqual([]);

  // Assign: the card changes in place, the thread gets a note.
  const assigned = await clickCardButton(page, card, t(l2, 'l2.assign'));
  expect(await messageText(assigned)).toContain(t(l2, 'l2.note.assigned', { name: ME }));
  card = await waitForCard(page, id);
  expect(await cardBlocks(card)).toContain(`${t(l2, 'l2.assignee')}: ${ME}`);

  // Ask the user: the card shows the question and since when the user has been asked.
  await clickCardToggle(card, t(l2, 'l2.ask'));
  await fillCardInput(card, t(l2, 'l2.askPlaceholder'), text.question);
  await clickCardButton(page, card, t(l2, 'l2.send'));
  card = await waitForCard(page, id);
  blocks = await cardBlocks(card);
  expect(blocks[position(blocks, text.question) - 1]).toMatch(eventLine(l2, 'l2.event.asked'));
  expect(blocks[position(blocks, text.question) + 1]).toMatch(/^⏳ /u);
  await screenshot(card, shot('2-waiting'));

  // The user reads the question in their language, set apart from the sentences around it, and answers.
  await switchTo(page, 'Personal Chat');
  const asked = await waitForCard(page, text.question);
  blocks = await cardBlocks(asked);
  expect(blocks[position(blocks, text.question) - 1]).toBe(t(user, 'ticket.infoRequested', { id }));
  expect(blocks[position(blocks, text.question) + 1]).toBe(t(user, 'ticket.replyHint'));
  await screenshot(asked, shot('3-user-question'));
  expect(await layoutProblems(asked)).toEqual([]);
  const added = await sendAndWait(page, text.answer);
  expect(await messageText(added)).toContain(t(user, 'ticket.replyAdded', { id }));

  // The card keeps the question with the answer under it.
  await switchTo(page, channel);
  card = await waitForCard(page, id);
  blocks = await cardBlocks(card);
  expect(blocks[position(blocks, text.question) + 1]).toMatch(eventLine(l2, 'l2.event.answered'));
  expect(blocks[position(blocks, text.question) + 2]).toBe(text.answer);
  expect(blocks.some((block) => block.startsWith('⏳'))).toBe(false);

  // Resolve with a note.
  await clickCardToggle(card, t(l2, 'l2.resolve'));
  await fillCardInput(card, t(l2, 'l2.resolvePlaceholder'), text.note);
  await clickCardButton(page, card, t(l2, 'l2.send'));
  card = await waitForCard(page, id);
  blocks = await cardBlocks(card);
  expect(blocks).toContain(`${t(l2, 'l2.status')}: ${t(l2, 'ticket.status.resolved')}`);
  expect(blocks[position(blocks, text.note) - 1]).toMatch(eventLine(l2, 'l2.event.resolved'));
  await screenshot(card, shot('4-resolved'));

  // The user is told, with a reopen button.
  await switchTo(page, 'Personal Chat');
  const resolved = await waitForCard(page, t(user, 'ticket.resolved', { id }));
  expect(await cardBlocks(resolved)).toContain(text.note);
  await expect
    .poll(() => page.getByRole('button', { name: t(user, 'ticket.reopenButton'), exact: true }).count())
    .toBe(1);

  // L2 reopens: the card shows the ticket working again, the old resolution only as history below the reopen.
  await switchTo(page, channel);
  card = await waitForCard(page, id);
  const reopenedNote = await clickCardButton(page, card, t(l2, 'l2.reopen'));
  expect(await messageText(reopenedNote)).toContain(t(l2, 'l2.note.reopened', { name: ME }));
  card = await waitForCard(page, id);
  blocks = await cardBlocks(card);
  expect(blocks).toContain(`${t(l2, 'l2.status')}: ${t(l2, 'ticket.status.assigned')}`);
  const history = position(blocks, t(l2, 'l2.history'));
  expect(blocks[history + 1]).toMatch(eventLine(l2, 'l2.event.reopened'));
  expect(blocks[history + 2]).toMatch(eventLine(l2, 'l2.event.resolved'));
  expect(blocks[history + 3]).toBe(text.note);
  expect(await card.getByRole('button', { name: t(l2, 'l2.reopen'), exact: true }).count()).toBe(0);
  expect(await card.getByRole('button', { name: t(l2, 'l2.resolve'), exact: true }).count()).toBe(1);
  await screenshot(card, shot('5-reopened'));
  expect(await layoutProblems(card)).toEqual([]);
  await screenshot(page, shot('5-channel'));

  // The user is told in their language, and no reopen button is left in their chat.
  await switchTo(page, 'Personal Chat');
  const told = await waitForCard(page, t(user, 'ticket.reopenedByL2', { name: ME, id }));
  expect(await cardBlocks(told)).toContain(`${t(user, 'l2.status')}: ${t(user, 'ticket.status.assigned')}`);
  await expect
    .poll(() => page.getByRole('button', { name: t(user, 'ticket.reopenButton'), exact: true }).count())
    .toBe(0);
  await screenshot(page, shot('6-user-chat'));
  expect(await layoutProblems(told)).toEqual([]);
}

/** The entries whose answers show commands. */
const entriesWithCommands = (): KnowledgeEntry[] => knowledge.entries.filter((item) => item.commands.length > 0);

/** Opens every entry with commands from the topics card and checks its commands and layout. */
async function expectEveryCommandShown(page: Page, language: Language, askForTopics: string): Promise<void> {
  const topics = await sendAndWait(page, askForTopics);
  expect(await messageText(topics)).toContain(t(language, 'topics.title'));
  for (const item of entriesWithCommands()) {
    const answer = await clickCardButton(page, topics, item[language].title);
    await expectAnswerCard(answer, item.id, language);
    expect(await layoutProblems(answer), `${item.id} (${language})`).toEqual([]);
  }
}

/**
 * Checks that an answer card shows the entry's title and short answer, and, once its admin part is opened (it is
 * folded for employees), each of the entry's commands exactly as the knowledge has them.
 */
async function expectAnswerCard(message: Locator, id: string, language: Language): Promise<void> {
  const shown = await cardBlocks(message);
  expect(shown).toContain(entry(id)[language].title);
  expect(shown).toContain(entry(id)[language].short);
  // Folded for employees, already open for helpdesk (after a paste): open it only when it is closed.
  if (!shown.includes(t(language, 'answer.adminHeading')))
    await clickCardToggle(message, t(language, 'answer.adminToggle'));
  const opened = await cardBlocks(message);
  for (const command of entry(id).commands)
    expect(opened, `command ${command.id} of ${id} (${language})`).toContain(command.text);
}

// Without Chromium and its fonts the suite is skipped, and `npm test` says so loudly before and after the run
// (test/support/browser-needs.ts); REQUIRE_BROWSER_TESTS=1 (.ci/run) runs it anyway, so it fails.
const skipBrowserTests = missingBrowserNeeds().length > 0 && !browserTestsRequired();

describe.skipIf(skipBrowserTests)('the bot in the Microsoft 365 Agents Playground (Teams emulator)', () => {
  let playground: RunningPlayground;
  let browser: Browser;

  beforeAll(async () => {
    expect(
      missingBrowserNeeds(),
      `missing for the browser test (see the notice above): run npm test as root, or apt-get install them`,
    ).toEqual([]);
    playground = await startPlayground();
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
  });

  describe('personal chat in Japanese', () => {
    let page: Page;
    beforeAll(async () => {
      page = await openPlayground(browser, playground.url, 'ja-JP');
    }, 60_000);

    it('shows help, then the topics, then a topic, in Japanese', async () => {
      const help = await sendAndWait(page, 'ヘルプ');
      expect(await messageText(help)).toContain(t('ja', 'help.title'));
      const topics = await clickCardButton(page, help, t('ja', 'action.topics'));
      expect(await messageText(topics)).toContain(t('ja', 'topics.title'));
      await screenshot(topics, 'playground-1-ja-topics');
      const answer = await clickCardButton(page, topics, entry('event-5013').ja.title);
      await expectAnswerCard(answer, 'event-5013', 'ja');
      expect(await layoutProblems(answer)).toEqual([]);
    }, 60_000);

    it('answers a Japanese question with every command as the knowledge writes it', async () => {
      const answer = await sendAndWait(page, 'WinHTTP プロキシの設定方法を教えてください');
      await expectAnswerCard(answer, 'winhttp-proxy', 'ja');
      await screenshot(answer, 'playground-2-ja-answer-card');
      await screenshot(page, 'playground-2-ja-chat');
      expect(await layoutProblems(answer)).toEqual([]);
    }, 60_000);

    it('shows an employee the short answer first and the admin part after one click (Japanese)', async () => {
      await expectShortAnswerFirst(page, 'アプリの初回起動が遅いのはなぜ?', 'ja');
    }, 60_000);

    it('asks how the device is managed when tamper protection will not turn on, and answers the branch clicked', async () => {
      const clarify = entry('tp-cannot-enable').clarify!;
      const question = await sendAndWait(page, '改ざん防止がオンにならない');
      const blocks = await cardBlocks(question);
      expect(blocks).toContain(clarify.question.ja);
      clarify.options.forEach((option, position) => expect(blocks).toContain(`(${position + 1}) ${option.label.ja}`));
      await screenshot(question, 'playground-2b-ja-clarify');
      expect(await layoutProblems(question)).toEqual([]);
      const position = clarify.options.findIndex((option) => option.entry === 'tp-group-policy');
      const answer = await clickCardButton(page, question, `(${position + 1}) ${clarify.options[position]!.label.ja}`);
      await expectAnswerCard(answer, 'tp-group-policy', 'ja');
    }, 60_000);

    it('shows every command of every topic exactly as the knowledge writes it (Japanese)', async () => {
      expect(entriesWithCommands().length).toBeGreaterThan(5);
      await expectEveryCommandShown(page, 'ja', 'トピック一覧');
    }, 180_000);
  });

  describe('personal chat in English', () => {
    let page: Page;
    beforeAll(async () => {
      page = await openPlayground(browser, playground.url, 'en-US');
    }, 60_000);

    it('answers an English question in English', async () => {
      const answer = await sendAndWait(page, 'why does my app start slowly the first time?');
      await expectAnswerCard(answer, 'slow-first-launch', 'en');
      await screenshot(answer, 'playground-3-en-answer-card');
      expect(await layoutProblems(answer)).toEqual([]);
    }, 60_000);

    it('shows an employee the short answer first and the admin part after one click (English)', async () => {
      await expectShortAnswerFirst(page, 'Why does an app start slowly only the first time?', 'en');
    }, 60_000);

    it('narrows the management question to the options a typed answer fits, then answers the one typed', async () => {
      const clarify = entry('tp-cannot-enable').clarify!;
      const question = await sendAndWait(page, "tamper protection won't turn on");
      expect(await cardBlocks(question)).toContain(clarify.question.en);
      const narrowed = await sendAndWait(page, 'Intune');
      const blocks = await cardBlocks(narrowed);
      expect(blocks).toContain(clarify.question.en);
      expect(blocks.filter((block) => /^\(\d\) /u.test(block))).toHaveLength(2);
      await screenshot(narrowed, 'playground-3b-en-clarify-narrowed');
      const answer = await sendAndWait(page, 'Intune only, no MDE');
      await expectAnswerCard(answer, 'tp-intune-without-mde', 'en');
    }, 60_000);

    it('shows every command of every topic exactly as the knowledge writes it (English)', async () => {
      await expectEveryCommandShown(page, 'en', 'topics');
    }, 180_000);

    it('diagnoses a pasted ValidateMapsConnection failure and follows a card button to the answer', async () => {
      const diagnosis = await sendAndWait(page, fixture('validatemaps-doc-failure-80072f8f.txt'));
      const blocks = await cardBlocks(diagnosis);
      expect(blocks).toContain(t('en', 'diagnosis.title'));
      expect(blocks.join('\n')).toContain('0x80072F8F');
      await screenshot(diagnosis, 'playground-4-en-diagnosis-card');
      expect(await layoutProblems(diagnosis)).toEqual([]);

      const answer = await clickCardButton(page, diagnosis, entry('winhttp-proxy').en.title);
      await expectAnswerCard(answer, 'winhttp-proxy', 'en');
      await screenshot(answer, 'playground-5-en-proxy-answer-card');
      expect(await layoutProblems(answer)).toEqual([]);
    }, 60_000);

    it('diagnoses a Get-MpComputerStatus paste that the playground sends without its line breaks', async () => {
      const diagnosis = await sendAndWait(page, fixture('get-mpcomputerstatus-doc-normal.txt'));
      const blocks = await cardBlocks(diagnosis);
      expect(blocks).toContain(t('en', 'diagnosis.title'));
      // Values read from the list: the tamper protection source and the product version.
      expect(blocks.join('\n')).toContain('E5 transition');
      expect(blocks.join('\n')).toContain('4.18.24050.7');
      // The read-only snippet the card offers, command by command, as the bot defines it.
      for (const command of COLLECTION_SNIPPET.split('\n')) expect(blocks.join('\n')).toContain(command);
      await screenshot(diagnosis, 'playground-6-en-status-diagnosis-card');
      expect(await layoutProblems(diagnosis)).toEqual([]);
    }, 60_000);

    // After the pastes above (the conversation is helpdesk's by now), with words long enough not to be read as a
    // follow-up to the previous answer: the same conversation carries on through every test of this file.
    it('answers the question around a pasted list first, then shows its diagnosis (English)', async () => {
      const text =
        'Status on PC-OSAKA-0301, onboarded and managed by Intune:\nIsTamperProtected               : True\nTamperProtectionSource          : Intune\nThe app team wants their build folders excluded. How do I get those exclusions protected by tamper protection too?';
      await expectAnswerThenDiagnosis(page, text, 'tp-exclusions', 'en', [
        'IsTamperProtected: true',
        'TamperProtectionSource: Intune',
      ]);
    }, 60_000);

    it('answers the question around values written in a sentence first, then shows their diagnosis (Japanese)', async () => {
      const text =
        'Get-MpPreference で確認したら MAPSReporting は 2 でした。設定は問題なさそうです。次は接続テストですよね。接続テストで実行するコマンドと、成功したときに画面にどう表示されるかを教えてください。よろしくお願いします。';
      await expectAnswerThenDiagnosis(page, text, 'maps-connection-test', 'ja', ['MAPSReporting: 2']);
    }, 60_000);

    it('opens the escalation form from a card and submits it', async () => {
      const answer = await sendAndWait(page, 'tamper protection is greyed out on a PC managed by Intune');
      const form = await clickCardButton(page, answer, t('en', 'action.escalate'));
      expect(await messageText(form)).toContain(t('en', 'escalation.device'));
      await fillCardInput(form, t('en', 'escalation.device'), 'PC-0042');
      await fillCardInput(form, t('en', 'escalation.tried'), 'Restarted the device; the toggle stays greyed out.');
      await screenshot(form, 'playground-7-en-escalation-form');
      expect(await layoutProblems(form)).toEqual([]);
      const ticket = await clickCardButton(page, form, t('en', 'escalation.submit'));
      expect(await messageText(ticket)).toMatch(/Ticket MDAV-\d{8}-\d{4} was created/u);
      await screenshot(ticket, 'playground-8-en-ticket');
    }, 60_000);
  });

  describe("L2 in the L2 channel (the emulator team's General channel; L2 cards in Japanese, the user writes English)", () => {
    it('runs the whole L2 flow: ticket card in the channel, assign, ask, answer in the personal chat, resolve, reopen', async () => {
      const page = await openPlayground(browser, playground.url, 'en-US');
      await runL2Flow(page, 'General', 'ja', 'en');
      await page.close();
    }, 180_000);
  });

  describe('a Teams channel', () => {
    it('answers an @mention in a channel post', async () => {
      const page = await openPlayground(browser, playground.url, 'en-US');
      await openChannel(page, 'General');
      const answer = await sendAndWait(page, 'what does block at first sight do?', { mention: BOT_NAME });
      expect(await messageText(answer)).toContain(entry('block-at-first-sight').en.title);
      await screenshot(page, 'playground-9-en-channel-mention');
      expect(await layoutProblems(answer)).toEqual([]);
      await page.close();
    }, 60_000);
  });

  describe('L2 in another channel set with L2_CHANNEL_ID (L2 cards in English, the user writes Japanese)', () => {
    let english: RunningPlayground;
    const announcements = emulator.team.channels[0]!;

    beforeAll(async () => {
      english = await startPlayground({ L2_CHANNEL_ID: announcements.id, L2_LANGUAGE: 'en' });
    }, 90_000);

    afterAll(async () => {
      await english?.stop();
    });

    it('runs the whole L2 flow in that channel', async () => {
      await expect.poll(() => english.output()).toContain(`L2 channel: as L2_CHANNEL_ID (${announcements.id})`);
      const page = await openPlayground(browser, english.url, 'en-US');
      await runL2Flow(page, announcements.name, 'en', 'ja');
      await page.close();
    }, 180_000);
  });
});
