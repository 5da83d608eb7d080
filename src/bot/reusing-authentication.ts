/**
 * Bot Framework authentication that reuses the outbound clients botbuilder builds on every turn. CloudAdapter asks
 * for a new ConnectorClient and a new UserTokenClient per activity (each a fresh HTTP pipeline, tens of µs), although
 * both depend only on the bot's app id, the service URL and the audience; here each is built once per such key.
 */

import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';

// Distinct keys kept (app ids × Teams service URLs × audiences are few); the oldest go first beyond this.
const MAX_CLIENTS = 64;

/** A bounded map of promised clients; a failed creation is forgotten, so the next turn tries again. */
function createClientCache<T>(): (key: string, create: () => Promise<T>) => Promise<T> {
  const clients = new Map<string, Promise<T>>();
  return (key, create) => {
    const known = clients.get(key);
    if (known) return known;
    const created = create();
    created.catch(() => clients.delete(key));
    if (clients.size >= MAX_CLIENTS) clients.delete(clients.keys().next().value as string);
    clients.set(key, created);
    return created;
  };
}

// The claims botbuilder takes the app id from: the audience for channel tokens, appid for the emulator.
const appIdOf = (identity: ClaimsIdentity): string =>
  identity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
  identity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
  '';

/** A connector factory that hands out one ConnectorClient per (app id, service URL, audience). */
class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly cache: (key: string, create: () => Promise<ConnectorClient>) => Promise<ConnectorClient>,
  ) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.cache(`${this.appId}\n${serviceUrl}\n${audience ?? ''}`, () => this.inner.create(serviceUrl, audience));
  }
}

/** Wraps `inner` (e.g. ConfigurationBotFrameworkAuthentication); authentication itself is unchanged. */
export class ReusingAuthentication extends BotFrameworkAuthentication {
  private readonly connectors = createClientCache<ConnectorClient>();
  private readonly userTokenClients = createClientCache<UserTokenClient>();

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  private reuse(result: AuthenticateRequestResult): AuthenticateRequestResult {
    const factory = result.connectorFactory;
    return factory
      ? {
          ...result,
          connectorFactory: new ReusingConnectorFactory(factory, appIdOf(result.claimsIdentity), this.connectors),
        }
      : result;
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reuse(await this.inner.authenticateRequest(activity, authHeader));
  }

  override async authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.reuse(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new ReusingConnectorFactory(
      this.inner.createConnectorFactory(claimsIdentity),
      appIdOf(claimsIdentity),
      this.connectors,
    );
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokenClients(appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }
}
