import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';

import { messageActivity } from '../support/activities.js';
import { startOpenIdProvider, type OpenIdProvider } from '../support/openid-provider.js';
import { postActivity, startTestApp, type TestApp } from '../support/start-test-app.js';

const APP_ID = '8f7e6d5c-4b3a-4291-8807-6a5b4c3d2e1f';
const SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

describe('inbound authentication with tokens signed by a local OpenID provider', () => {
  let provider: OpenIdProvider;
  let bot: TestApp;
  // botframework-connector writes rejected tokens' errors to console.error, a bad signature with the whole
  // public key: kept out of the test output, and checked to be only those messages.
  let consoleError: MockInstance<typeof console.error>;

  beforeAll(async () => {
    consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    provider = await startOpenIdProvider();
    bot = await startTestApp({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-used-for-inbound',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: '99999999-8888-7777-6666-555555555555',
      BOT_OPENID_METADATA_URL: provider.metadataUrl,
      BOT_TOKEN_ISSUER: provider.issuer,
    });
  });
  afterAll(async () => {
    const printed = consoleError.mock.calls.map((args) =>
      args[0] instanceof Error ? args[0].name : String(args[0]).split(':')[0],
    );
    consoleError.mockRestore();
    expect(new Set(printed)).toEqual(new Set(['TokenExpiredError', 'Error finding key for token. Available keys']));
    await bot.stop();
    await provider.close();
  });

  const now = (): number => Math.floor(Date.now() / 1000);
  const claims = (changes: Record<string, unknown> = {}): Record<string, unknown> => ({
    aud: APP_ID,
    nbf: now() - 60,
    iat: now() - 60,
    exp: now() + 3600,
    serviceurl: SERVICE_URL,
    ...changes,
  });

  async function send(id: string, authorization: string | undefined): Promise<number> {
    const activity = messageActivity({ serviceUrl: SERVICE_URL, text: 'what is BAFS', id, expectReplies: true });
    const result = await postActivity(bot.baseUrl, activity, authorization ? { authorization } : {});
    return result.status;
  }

  const turnRan = (id: string): boolean =>
    bot.logs.some((line) => line['msg'] === 'turn handled' && line['activityId'] === id);

  it('accepts a valid token and runs the turn', async () => {
    expect(await send('auth-valid', `Bearer ${provider.token(claims())}`)).toBe(200);
    expect(turnRan('auth-valid')).toBe(true);
  });

  it.each([
    ['a wrong audience', () => provider.token(claims({ aud: '00000000-0000-0000-0000-000000000000' }))],
    ['a wrong issuer', () => provider.token(claims({ iss: 'https://evil.example' }))],
    ['an expired token', () => provider.token(claims({ nbf: now() - 7200, iat: now() - 7200, exp: now() - 3600 }))],
    ['a bad signature', () => provider.token(claims(), { key: 'rogue' })],
    ['a token for another service URL', () => provider.token(claims({ serviceurl: 'https://evil.example/' }))],
    ['garbage', () => 'not.a.token'],
  ])('rejects %s with 401 and runs no turn', async (name, token) => {
    const id = `auth-${name.replace(/\W+/gu, '-')}`;
    expect(await send(id, `Bearer ${token()}`)).toBe(401);
    expect(turnRan(id)).toBe(false);
  });

  it('rejects a request without a token with 401', async () => {
    expect(await send('auth-none', undefined)).toBe(401);
    expect(turnRan('auth-none')).toBe(false);
  });
});
