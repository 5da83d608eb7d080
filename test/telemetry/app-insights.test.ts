import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { describe, expect, it } from 'vitest';

import { parseConnectionString } from '../../src/telemetry/app-insights.js';
import { messageActivity } from '../support/activities.js';
import { postActivity, startTestApp } from '../support/start-test-app.js';

describe('Application Insights telemetry', () => {
  it('reads the connection string', () => {
    expect(
      parseConnectionString(
        'InstrumentationKey=abc-123;IngestionEndpoint=https://japaneast-1.in.applicationinsights.azure.com/;LiveEndpoint=https://x/',
      ),
    ).toEqual({
      instrumentationKey: 'abc-123',
      ingestionEndpoint: 'https://japaneast-1.in.applicationinsights.azure.com/',
    });
    expect(parseConnectionString('IngestionEndpoint=https://x')).toBeUndefined();
  });

  it('sends turn events with route, kind, entry id and latency to the ingestion endpoint, never text', async () => {
    const bodies: string[] = [];
    const ingestion = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (req.method === 'POST' && req.url === '/v2/track') bodies.push(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"itemsReceived":1,"itemsAccepted":1}');
      });
    });
    await new Promise<void>((resolve) => ingestion.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(ingestion.address() as AddressInfo).port}/`;
    const bot = await startTestApp({
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=test-key;IngestionEndpoint=${endpoint}`,
    });
    try {
      const host = 'CONTOSO-SECRET-PC';
      for (const text of [
        `why is my app slow the first time on ${host}?`,
        `ValidateMapsConnection failed to establish a connection to MAPS (hr=0x80508015 httpcode=451) on ${host}`,
      ]) {
        await postActivity(
          bot.baseUrl,
          messageActivity({ serviceUrl: 'http://127.0.0.1:9', text, expectReplies: true }),
        );
      }
    } finally {
      await bot.stop();
      ingestion.closeAllConnections();
      ingestion.close();
    }
    const envelopes = bodies.flatMap(
      (body) =>
        JSON.parse(body) as Array<{
          name: string;
          iKey: string;
          data: {
            baseData: { name: string; properties: Record<string, string>; measurements: Record<string, number> };
          };
        }>,
    );
    expect(envelopes.map((envelope) => envelope.data.baseData.properties)).toEqual([
      { route: 'question', kind: 'answer', entryId: 'slow-first-launch', language: 'en' },
      { route: 'pasted-output', kind: 'diagnosis', language: 'en' },
    ]);
    expect(
      envelopes.every(
        (envelope) => envelope.iKey === 'test-key' && envelope.name === 'Microsoft.ApplicationInsights.Event',
      ),
    ).toBe(true);
    expect(envelopes.every((envelope) => typeof envelope.data.baseData.measurements['latencyMs'] === 'number')).toBe(
      true,
    );
    expect(bodies.join('')).not.toContain('CONTOSO-SECRET-PC');
    expect(bodies.join('')).not.toContain('slow the first time');
  });
});
