import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { createApp } from '../src/app.js';
import { readConfig } from '../src/config/read-config.js';
import { createLogger } from '../src/log/create-logger.js';
import { messageActivity } from './support/activities.js';
import { postActivity, ROOT } from './support/start-test-app.js';

type Replies = { activities: Array<{ text?: string; attachments?: Array<{ content: { body?: unknown } }> }> };

describe('app content', () => {
  it('reads knowledge and card templates once at start-up: turns still answer after the folders are gone', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'content-once-'));
    cpSync(join(ROOT, 'knowledge'), join(copy, 'knowledge'), { recursive: true });
    cpSync(join(ROOT, 'cards'), join(copy, 'cards'), { recursive: true });
    const config = readConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      STORAGE: 'memory',
      RATE_LIMIT_PER_MINUTE: '0',
    });
    const app = await createApp(config, createLogger({ level: 'silent', format: 'json' }), {
      cardsDir: join(copy, 'cards'),
      knowledgeDir: join(copy, 'knowledge'),
    });
    try {
      const { port } = await app.listen();
      rmSync(copy, { recursive: true, force: true });
      const ask = async (extra: Record<string, unknown>): Promise<string> => {
        const response = await postActivity(
          `http://127.0.0.1:${port}`,
          messageActivity({ serviceUrl: 'http://127.0.0.1:9', expectReplies: true, extra }),
        );
        expect(response.status).toBe(200);
        return JSON.stringify((response.json as Replies).activities);
      };
      expect(await ask({ text: 'how do I turn on cloud protection' })).toContain('Cloud protection');
      expect(await ask({ text: undefined, value: { verb: 'topics', language: 'en' } })).toContain('choose-topic');
      expect(await ask({ text: 'MAPSReporting : 0' })).toContain('MAPSReporting');
    } finally {
      await app.shutdown();
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
