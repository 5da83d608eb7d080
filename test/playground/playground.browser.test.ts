import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { ROOT, startTestApp, type TestApp } from '../support/start-test-app.js';

// Debian's Chromium, installed by `npm test` (scripts/ensure-chromium.mjs) when missing.
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');
const knowledge = loadKnowledge(join(ROOT, 'knowledge'));
const titleOf = (id: string, language: 'ja' | 'en'): string => knowledge.byId.get(id)?.[language].title ?? id;

describe('local playground in a real browser', () => {
  let bot: TestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: run npm test as root so it can install Debian's chromium`).toBe(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    bot = await startTestApp();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // Without the background-networking flags Chromium keeps dialling out, which this network refuses.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 900, height: 1200 }, locale: 'ja-JP' });
    await page.goto(`${bot.baseUrl}/`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  async function say(text: string, locale: 'ja-JP' | 'en-US'): Promise<void> {
    await page.selectOption('#locale', locale);
    await page.fill('#message', text);
    await page.click('#send');
  }

  it('answers a Japanese question with the rendered answer card', async () => {
    await say('改ざん防止が有効か状態を確認したい', 'ja-JP');
    await page.getByText(titleOf('tp-check-status', 'ja'), { exact: true }).first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'playground-1-ja-answer.png'), fullPage: true });
  }, 30_000);

  it('shows an employee the short answer first and the admin part after one click, in Japanese and English', async () => {
    for (const [question, locale, language, toggle] of [
      ['アプリの初回起動が遅いのはなぜ?', 'ja-JP', 'ja', 'IT 管理者向けの情報'],
      ['Why does an app start slowly only the first time?', 'en-US', 'en', 'For IT administrators'],
    ] as const) {
      const entry = knowledge.byId.get('slow-first-launch')!;
      await say(question, locale);
      const card = page.locator('.card').last();
      await card.getByText(entry[language].short).waitFor();
      const adminAnswer = card.getByText(entry[language].answer.slice(0, 30), { exact: false });
      expect(await adminAnswer.isVisible(), `${language}: admin part folded`).toBe(false);
      await card.screenshot({ path: join(ARTIFACTS, `playground-2-${language}-short-answer.png`) });
      await card.getByRole('button', { name: toggle }).click();
      await adminAnswer.waitFor({ state: 'visible' });
      await card.screenshot({ path: join(ARTIFACTS, `playground-2-${language}-admin-part.png`) });
    }
  }, 60_000);

  it('answers an English question in English', async () => {
    await say('why does my app start slowly the first time?', 'en-US');
    await page.getByText(titleOf('slow-first-launch', 'en'), { exact: true }).first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'playground-2-en-answer.png'), fullPage: true });
    await page.locator('.card').last().screenshot({ path: join(ARTIFACTS, 'playground-2-en-answer-card.png') });
  }, 30_000);

  it('diagnoses a pasted fixture and follows a button to the answer', async () => {
    await say(readFileSync(join(ROOT, 'test/fixtures/pasted/validatemaps-doc-failure-80072f8f.txt'), 'utf8'), 'en-US');
    await page.getByText('The TLS connection to the cloud failed (0x80072F8F)', { exact: false }).first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'playground-3-diagnosis.png'), fullPage: true });
    await page.locator('.card').last().screenshot({ path: join(ARTIFACTS, 'playground-3-diagnosis-card.png') });

    const entryTitle = titleOf('winhttp-proxy', 'en');
    // The entry is a wrapped clickable row in the diagnosis card (titles are too long for buttons).
    const rows = page.locator('.card').last().locator('.ac-textBlock', { hasText: entryTitle });
    expect(await rows.count()).toBe(1);
    const before = await page.locator('.ac-textBlock', { hasText: entryTitle }).count();
    await rows.first().click();
    // The clicked entry's answer card arrives: its title now shows as a heading too.
    await expect.poll(async () => page.locator('.ac-textBlock', { hasText: entryTitle }).count(), { timeout: 10_000 }).toBeGreaterThan(before);
    await page.screenshot({ path: join(ARTIFACTS, 'playground-4-after-click.png'), fullPage: true });
  }, 30_000);
});

describe('local playground in Japanese', () => {
  let bot: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    bot = await startTestApp();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('shows the help card, asks its example question, and opens a topic from the topics card', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    await page.goto(`${bot.baseUrl}/`);
    await page.selectOption('#locale', 'ja-JP');
    await page.fill('#message', 'ヘルプ');
    await page.click('#send');
    await page.getByText('このボットでできること').waitFor();
    await page.getByRole('button', { name: 'アプリの初回起動だけ遅いのはなぜ?' }).click();
    await page.locator('.ac-textBlock', { hasText: titleOf('slow-first-launch', 'ja') }).first().waitFor();
    await page.getByRole('button', { name: 'トピック一覧' }).first().click();
    await page.getByText('お答えできるトピック').waitFor();
    await page.locator('.card').last().screenshot({ path: join(ARTIFACTS, 'playground-5-ja-topics-card.png') });
    await page.getByText(titleOf('event-5013', 'ja'), { exact: true }).last().click();
    await expect.poll(async () => page.locator('.ac-textBlock', { hasText: titleOf('event-5013', 'ja') }).count(), { timeout: 10_000 }).toBeGreaterThan(1);
    await page.screenshot({ path: join(ARTIFACTS, 'playground-5-ja-help-topics.png'), fullPage: true });
    await page.close();
  }, 30_000);
});

describe('playground availability', () => {
  it('does not exist when an app id is configured', async () => {
    const secured = await startTestApp({ MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'x' });
    try {
      expect((await fetch(`${secured.baseUrl}/`)).status).toBe(404);
      expect((await fetch(`${secured.baseUrl}/playground/adaptivecards.js`)).status).toBe(404);
    } finally {
      await secured.stop();
    }
  });

  it('serves the page and the bundled renderer with a strict content security policy', async () => {
    const local = await startTestApp();
    try {
      const page = await fetch(`${local.baseUrl}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await page.text()).not.toMatch(/https?:\/\/(?!localhost)[a-z]/u);
      const renderer = await fetch(`${local.baseUrl}/playground/adaptivecards.js`);
      expect(renderer.status).toBe(200);
      expect((await renderer.text()).length).toBeGreaterThan(100_000);
    } finally {
      await local.stop();
    }
  });
});
