/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Drives the Microsoft 365 Agents Playground (the Teams emulator) in Chromium, for browser tests of the bot as
 * Teams renders it. Small steps that scenarios combine: open a chat or a channel, send a message or a paste,
 * wait for the bot's reply, click a card button, fill a card input, read what a card shows, measure its layout.
 *
 *   const page = await openPlayground(browser, playground.url);
 *   const reply = await sendAndWait(page, 'tamper protection is greyed out');
 *   await clickCardButton(page, reply, 'Escalate to L2');
 */

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

// Debian's Chromium (or CHROMIUM_PATH), installed by `npm test` (scripts/ensure-chromium.ts) when missing and possible.
import { CHROMIUM } from './browser-needs.js';
import { ROOT } from './start-test-app.js';

const ARTIFACTS = join(ROOT, 'test-artifacts');
/** The bot's display name in the Agents Playground. */
export const BOT_NAME = 'Test Bot';

const HEADER = '[aria-label="Message header"]';
const AUTHOR = '[aria-label="Message author"]';

/** Launches Chromium for the playground; the network stays local (the playground's CDN fonts simply fail). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Without the background-networking flags Chromium keeps dialling out, which this network refuses.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Opens the playground's personal chat and waits for the bot's welcome card. */
export async function openPlayground(browser: Browser, url: string, locale = 'en-US'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 2600 }, locale });
  await page.goto(url);
  await page.locator('.ac-adaptiveCard').first().waitFor({ timeout: 30_000 });
  return page;
}

/**
 * Switches to a Teams channel of the playground's team ("General", "Announcements") and waits for the bot's
 * welcome post there (the playground installs the bot in the channel when it is first opened), so that the
 * welcome is not taken for the reply to the next message.
 */
export async function openChannel(page: Page, channel: string): Promise<void> {
  await page.getByText(channel, { exact: true }).first().click();
  await page.getByText('Start a new post').first().waitFor();
  await waitForBotReply(page, []);
}

/**
 * Switches to a chat or channel in the list on the left ("Personal Chat", "General") without waiting for anything:
 * for going back and forth once the bot is installed there (openChannel waits for the first welcome post).
 */
export async function switchTo(page: Page, name: string): Promise<void> {
  await page.getByText(name, { exact: true }).first().click();
  await page.waitForTimeout(300);
}

// A card that is not inside another card (Action.ShowCard renders its card inside the card it belongs to).
const OUTER_CARD = '.ac-adaptiveCard:not(.ac-adaptiveCard .ac-adaptiveCard)';

/**
 * Waits until the open conversation shows a card containing `text` (a card posted or sent proactively, which no turn
 * of this page's user awaits: a ticket card in the L2 channel, a notification in the personal chat) and returns what
 * wraps the newest such card, for clickCardButton, cardBlocks and layoutProblems. In a channel, a post's card and the
 * reply box of its thread share one container, so the card is found by its content rather than by its author.
 */
export async function waitForCard(page: Page, text: string, timeoutMs = 20_000): Promise<Locator> {
  const card = page.locator(OUTER_CARD).filter({ hasText: text }).last();
  await card.waitFor({ timeout: timeoutMs });
  await card.scrollIntoViewIfNeeded();
  return card.locator('xpath=..');
}

/**
 * Marks every message in the open conversation and returns the ids of the bot's messages. A message is the
 * largest element around its anchor that holds no other anchor: the message header in a chat, the author's
 * avatar in a channel (channel posts and thread replies have no header). Ids are given in the order messages are
 * first seen and never change, so new messages are found in chats (newest last) and channels (newest post first).
 */
async function botMessageIds(page: Page): Promise<number[]> {
  return page.evaluate(
    ({ header, author, botName }) => {
      const state = window as unknown as { e2eNextId?: number };
      for (const marked of document.querySelectorAll('[data-e2e-message]')) marked.removeAttribute('data-e2e-message');
      const headers = [...document.querySelectorAll(header)];
      // Avatars outside the chat list on the left (its items have avatars too).
      const avatars = [...document.querySelectorAll('[role="img"][aria-label]')].filter(
        (element) => !element.closest('[role="tree"], [role="treeitem"]'),
      );
      const anchors = headers.length > 0 ? headers : avatars;
      const ids: number[] = [];
      for (const anchor of anchors) {
        const fromBot =
          (anchor.matches(header)
            ? anchor.querySelector(author)?.textContent?.trim()
            : anchor.getAttribute('aria-label')) === botName;
        if (!fromBot) continue;
        if (!anchor.hasAttribute('data-e2e-id')) {
          state.e2eNextId = (state.e2eNextId ?? 0) + 1;
          anchor.setAttribute('data-e2e-id', String(state.e2eNextId));
        }
        const id = anchor.getAttribute('data-e2e-id') ?? '';
        let message = anchor as HTMLElement;
        while (message.parentElement && anchors.filter((other) => message.parentElement?.contains(other)).length === 1)
          message = message.parentElement;
        message.setAttribute('data-e2e-message', id);
        ids.push(Number(id));
      }
      return ids;
    },
    { header: HEADER, author: AUTHOR, botName: BOT_NAME },
  );
}

/** The bot's message with id `id` (from botMessageIds). */
function botMessage(page: Page, id: number): Locator {
  return page.locator(`[data-e2e-message="${id}"]`);
}

/**
 * Types `text` into the compose box and sends it. Text with line breaks is pasted (a clipboard paste event,
 * as Ctrl-V would), so the playground handles it the way it handles a user's paste. In a channel, the text
 * becomes a new post; `mention` @mentions that member first, picked from the mention list.
 */
async function sendMessage(page: Page, text: string, options: { mention?: string } = {}): Promise<void> {
  const inChannel = await page.getByText('Start a new post').first().isVisible();
  const box = page.locator('[contenteditable="true"][role="textbox"]').first();
  await box.click();
  if (options.mention) {
    await page.keyboard.type(`@${options.mention.slice(0, 3)}`);
    await page.getByRole('menuitem', { name: options.mention }).click();
    await page.keyboard.type(' ');
  }
  if (text.includes('\n')) {
    await box.evaluate((element, pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  } else {
    await page.keyboard.insertText(text);
  }
  if (inChannel) await page.getByRole('button', { name: 'Post' }).click();
  else await page.getByRole('button', { name: 'Send Message' }).click();
}

/**
 * Waits until the bot has sent a message that is not in `before` and no more arrive for a moment (a turn may send
 * a card and a note), and returns the newest one.
 */
async function waitForBotReply(page: Page, before: readonly number[], timeoutMs = 20_000): Promise<Locator> {
  const replies = await waitForBotReplies(page, before, timeoutMs);
  const newest = replies[replies.length - 1]!;
  await newest.scrollIntoViewIfNeeded();
  return newest;
}

/** Like waitForBotReply, but returns every message of the turn, oldest first (an answer and a diagnosis, say). */
async function waitForBotReplies(page: Page, before: readonly number[], timeoutMs = 20_000): Promise<Locator[]> {
  const known = new Set(before);
  const deadline = Date.now() + timeoutMs;
  const fresh = async (): Promise<number[]> => (await botMessageIds(page)).filter((id) => !known.has(id));
  let added = await fresh();
  while (added.length === 0) {
    if (Date.now() > deadline) throw new Error(`no reply from the bot within ${timeoutMs} ms`);
    await page.waitForTimeout(100);
    added = await fresh();
  }
  // Settle: a turn's replies arrive one after another.
  for (let settled = 0; settled < 5;) {
    await page.waitForTimeout(100);
    const now = await fresh();
    settled = now.length === added.length ? settled + 1 : 0;
    added = now;
  }
  return [...added].sort((a, b) => a - b).map((id) => botMessage(page, id));
}

/** Sends `text` and returns the bot's reply. */
export async function sendAndWait(page: Page, text: string, options: { mention?: string } = {}): Promise<Locator> {
  const before = await botMessageIds(page);
  await sendMessage(page, text, options);
  return waitForBotReply(page, before);
}

/** Sends `text` and returns every message the bot sent in reply, oldest first. */
export async function sendAndWaitAll(page: Page, text: string): Promise<Locator[]> {
  const before = await botMessageIds(page);
  await sendMessage(page, text);
  return waitForBotReplies(page, before);
}

/** Clicks the card button titled `title` in `message` and returns the bot's reply to it. */
export async function clickCardButton(page: Page, message: Locator, title: string): Promise<Locator> {
  const before = await botMessageIds(page);
  await message.getByRole('button', { name: title, exact: true }).first().click();
  return waitForBotReply(page, before);
}

/**
 * Clicks a card button that changes the card in place (Action.ToggleVisibility, Action.ShowCard: "show the
 * admin steps") and sends nothing to the bot; read the card again afterwards with messageText or cardBlocks.
 */
export async function clickCardToggle(message: Locator, title: string): Promise<void> {
  await message.getByRole('button', { name: title, exact: true }).first().click();
}

/** Fills the card text input labelled `label` in `message`. */
export async function fillCardInput(message: Locator, label: string, value: string): Promise<void> {
  await message.getByLabel(label, { exact: true }).fill(value);
}

/** What a message shows, as the reader sees it (line breaks between blocks). */
export async function messageText(message: Locator): Promise<string> {
  return message.innerText();
}

/**
 * The text of every block of a message's cards that is shown, one entry per TextBlock, RichTextBlock and fact,
 * as the reader sees it: what "shown character for character" is checked against. Folded parts count once they
 * are opened (clickCardToggle).
 */
export async function cardBlocks(message: Locator): Promise<string[]> {
  return message
    .locator('.ac-adaptiveCard .ac-textBlock, .ac-adaptiveCard .ac-richTextBlock')
    .evaluateAll((elements) =>
      elements.filter((element) => element.checkVisibility()).map((element) => (element as HTMLElement).innerText),
    );
}

/**
 * Describes every element of the message's cards that is wider than its card or cuts its own text, once per
 * element; an element inside a button is reported as that button (`button "title" ...`).
 */
export async function layoutProblems(message: Locator): Promise<string[]> {
  const problems = await message.locator('.ac-adaptiveCard').evaluateAll((cards) =>
    cards.flatMap((card) => {
      const outer = card.getBoundingClientRect();
      const found: string[] = [];
      for (const element of card.querySelectorAll<HTMLElement>('*')) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || getComputedStyle(element).display === 'none') continue;
        // An element that only wraps one button (the action set's row) is that button too.
        const only = element.querySelectorAll('button').length === 1 ? element.querySelector('button') : null;
        const button =
          element.closest('button, .ac-pushButton') ?? (only && only.textContent === element.textContent ? only : null);
        const owner = (button ?? element) as HTMLElement;
        const label = button
          ? `button "${(button.textContent ?? '').trim()}"`
          : `${element.tagName.toLowerCase()}${[...element.classList]
              .filter((name) => name.startsWith('ac-'))
              .map((name) => `.${name}`)
              .join('')} "${(element.textContent ?? '').trim().slice(0, 60)}"`;
        if (box.left < outer.left - 1 || box.right > outer.right + 1) {
          const ownerBox = owner.getBoundingClientRect();
          found.push(
            `${label} sticks out of the card (${Math.round(ownerBox.left)}-${Math.round(ownerBox.right)} px, card ${Math.round(outer.left)}-${Math.round(outer.right)} px)`,
          );
        }
        // Text blocks, facts and buttons must show all of their text: a clipped title or word is as bad as an overflow.
        if (
          element.matches('.ac-textBlock, .ac-pushButton, .ac-fact-title, .ac-fact-value') &&
          element.scrollWidth > element.clientWidth + 1
        ) {
          found.push(`${label} cuts its text (${element.scrollWidth} px of content in ${element.clientWidth} px)`);
        }
      }
      return found;
    }),
  );
  return [...new Set(problems)];
}

/** Saves a screenshot of the page, or of one message, to test-artifacts/<name>.png. */
export async function screenshot(target: Page | Locator, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await target.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}
