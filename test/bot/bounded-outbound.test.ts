import { describe, expect, it } from 'vitest';

import { createLogger } from '../../src/log/create-logger.js';
import { openBlobStore } from '../../src/storage/blob-store.js';
import { StorageError } from '../../src/storage/file-store.js';
import { createTelemetry } from '../../src/telemetry/app-insights.js';
import { messageActivity } from '../support/activities.js';
import { submitActivity, toldTicketId } from '../support/escalation.js';
import { startSilentPeer } from '../support/silent-peer.js';
import { postActivity, startTestApp } from '../support/start-test-app.js';

// Short bounds so the tests are quick; the defaults (5 s per attempt, 12 s budget) behave the same, only slower.
const BOUNDS = { OUTBOUND_TIMEOUT_MS: '400', OUTBOUND_BUDGET_MS: '1200' };
const silentLogger = createLogger({ level: 'silent', format: 'json' });

describe('outbound calls against a peer that never answers', () => {
  it('ends the turn within the budget, without an apology through the dead channel', async () => {
    const peer = await startSilentPeer();
    const bot = await startTestApp(BOUNDS);
    try {
      const started = performance.now();
      const result = await postActivity(
        bot.baseUrl,
        messageActivity({ serviceUrl: peer.url, text: 'tamper protection is greyed out' }),
      );
      const elapsed = performance.now() - started;
      expect(result.status).toBe(200);
      expect(elapsed).toBeLessThan(1200 + 1500);
      expect(bot.logs.some((line) => line['msg'] === 'turn failed')).toBe(true);
      expect(bot.logs.some((line) => line['msg'] === 'apology could not be sent')).toBe(false);
      // Every attempt is one request: the library's own retries are gone, ours are bounded.
      expect(peer.connections).toBeGreaterThanOrEqual(1);
      expect(peer.connections).toBeLessThanOrEqual(4);
    } finally {
      await bot.stop();
      await peer.close();
    }
  }, 20_000);

  it('fails fast on a connection that is dropped at once: at most the policy number of tries, no library retries', async () => {
    const peer = await startSilentPeer('drop');
    const bot = await startTestApp({ OUTBOUND_TIMEOUT_MS: '2000', OUTBOUND_BUDGET_MS: '6000' });
    try {
      const started = performance.now();
      await postActivity(bot.baseUrl, messageActivity({ serviceUrl: peer.url, text: 'help' }));
      // Our 4 tries with their short pauses; the library's own retries (with seconds of backoff) would hit the attempt
      // timeout.
      expect(performance.now() - started).toBeLessThan(2000);
      expect(peer.connections).toBeGreaterThanOrEqual(2);
      expect(peer.connections).toBeLessThanOrEqual(4);
    } finally {
      await bot.stop();
      await peer.close();
    }
  }, 20_000);

  it('never holds shutdown: a turn stuck on the peer is cut off after SHUTDOWN_TIMEOUT_MS', async () => {
    const peer = await startSilentPeer();
    const bot = await startTestApp({
      OUTBOUND_TIMEOUT_MS: '60000',
      OUTBOUND_BUDGET_MS: '120000',
      SHUTDOWN_TIMEOUT_MS: '300',
    });
    try {
      const turn = postActivity(bot.baseUrl, messageActivity({ serviceUrl: peer.url, text: 'help' })).catch(
        () => undefined,
      );
      while (peer.connections === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      const started = performance.now();
      expect(await bot.app.shutdown()).toBe(false);
      expect(performance.now() - started).toBeLessThan(2000);
      await turn;
    } finally {
      await peer.close();
    }
  }, 20_000);

  it('answers an escalation submit and keeps the ticket pending when the L2 post never gets an answer', async () => {
    const peer = await startSilentPeer();
    const bot = await startTestApp({ ...BOUNDS, L2_CHANNEL_ID: '19:l2@thread.tacv2', ESCALATION_RETRY_SECONDS: '0' });
    try {
      const result = await postActivity(
        bot.baseUrl,
        submitActivity(peer.url, 'a:silent-l2', 'draft-silent-l2', 'PC-SILENT'),
      );
      const id = toldTicketId(result.json) ?? '';
      expect(id).toMatch(/^MDAV-/u);
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && !bot.logs.some((line) => line['msg'] === 'teams call failed'))
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(bot.logs.find((line) => line['msg'] === 'teams call failed')).toMatchObject({
        ticketId: id,
        what: 'post',
      });
      expect((await bot.app.tickets.get(id))?.delivery).toBe('pending');
    } finally {
      await bot.stop();
      await peer.close();
    }
  }, 20_000);

  it('bounds an Application Insights flush (and so shutdown) by the budget', async () => {
    const peer = await startSilentPeer();
    try {
      const telemetry = createTelemetry(`InstrumentationKey=k;IngestionEndpoint=${peer.url}/`, silentLogger, 60_000, {
        attemptTimeoutMs: 300,
        budgetMs: 800,
      });
      for (let index = 0; index < 200; index += 1)
        telemetry.track({ route: 'question', kind: 'answer', language: 'en', latencyMs: 1 });
      const started = performance.now();
      await telemetry.stop();
      expect(performance.now() - started).toBeLessThan(800 + 500);
      expect(peer.connections).toBeGreaterThanOrEqual(1);
    } finally {
      await peer.close();
    }
  });

  it('fails a Blob Storage operation with a StorageError after the budget', async () => {
    const peer = await startSilentPeer();
    try {
      const connectionString = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=${peer.url}/devstoreaccount1;`;
      const started = performance.now();
      const failure = await openBlobStore(connectionString, 'silent', { attemptTimeoutMs: 300, budgetMs: 800 }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(performance.now() - started).toBeLessThan(800 + 500);
      expect(failure).toBeInstanceOf(StorageError);
      expect(String(failure)).toContain('did not answer opening the container within 800 ms');
    } finally {
      await peer.close();
    }
  });
});
