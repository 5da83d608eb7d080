import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { ConnectorClient } from 'botframework-connector';
import { describe, expect, it } from 'vitest';

import { ReusingAuthentication } from '../../src/bot/reusing-authentication.js';

const activity = (serviceUrl: string) =>
  ({
    type: 'message',
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: 'c' },
    from: { id: 'u' },
    recipient: { id: 'b' },
  }) as Activity;

describe('reusing authentication', () => {
  it('hands out one connector client per service URL and audience across turns', async () => {
    const auth = new ReusingAuthentication(new ConfigurationBotFrameworkAuthentication({}));
    const first = await auth.authenticateRequest(activity('http://127.0.0.1:9/a'), '');
    const second = await auth.authenticateRequest(activity('http://127.0.0.1:9/a'), '');
    const client = await first.connectorFactory?.create('http://127.0.0.1:9/a', first.audience);
    expect(client).toBeInstanceOf(ConnectorClient);
    expect(await second.connectorFactory?.create('http://127.0.0.1:9/a', second.audience)).toBe(client);
    expect(await second.connectorFactory?.create('http://127.0.0.1:9/b', second.audience)).not.toBe(client);
    expect(await second.connectorFactory?.create('http://127.0.0.1:9/a', 'https://other.example/audience')).not.toBe(
      client,
    );
    // Proactive sends (createConnectorFactory) share the same clients.
    expect(await auth.createConnectorFactory(first.claimsIdentity).create('http://127.0.0.1:9/a', first.audience)).toBe(
      client,
    );
  });

  it('hands out one user token client per app id', async () => {
    const auth = new ReusingAuthentication(new ConfigurationBotFrameworkAuthentication({}));
    const { claimsIdentity } = await auth.authenticateRequest(activity('http://127.0.0.1:9/a'), '');
    const client = await auth.createUserTokenClient(claimsIdentity);
    expect(await auth.createUserTokenClient(claimsIdentity)).toBe(client);
  });

  it('leaves authentication itself to the wrapped implementation', async () => {
    const auth = new ReusingAuthentication(
      new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: 'app-id',
        MicrosoftAppPassword: 'secret',
        MicrosoftAppType: 'MultiTenant',
      }),
    );
    await expect(auth.authenticateRequest(activity('http://127.0.0.1:9/a'), '')).rejects.toThrow();
  });
});
