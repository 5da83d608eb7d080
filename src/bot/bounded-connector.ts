/**
 * Bounds every Bot Connector HTTP call botbuilder makes (replies, proactive messages, channel posts, updates):
 * each request is aborted after a per-attempt timeout, and the Azure pipeline's own retries are removed, so that
 * the one retry loop (withOutboundRetry, with its total budget) decides how often a call is tried. Without this a
 * peer that accepts the connection and never answers holds a turn forever, and a refused port is retried by the
 * library underneath every retry of ours.
 */

/** The part of botbuilder's BotFrameworkAuthentication this wraps (the type itself is not exported by botbuilder). */
interface ConnectorFactoryLike {
  create(serviceUrl: string, audience?: string): Promise<unknown>;
}
interface AuthenticationLike {
  createConnectorFactory(...args: never[]): ConnectorFactoryLike;
}

// The methods that hand out connector factories: directly, and inside the result of authenticating an activity.
const FACTORY_METHODS = new Set<PropertyKey>(['createConnectorFactory']);
const AUTHENTICATING_METHODS = new Set<PropertyKey>(['authenticateRequest', 'authenticateStreamingRequest']);

// The pipeline policy core-client adds for retries (@azure/core-rest-pipeline createPipelineFromOptions).
const LIBRARY_RETRY_POLICY = 'defaultRetryPolicy';

interface PipelineRequestLike {
  timeout: number;
}
interface PipelineLike {
  removePolicy(options: { name: string }): unknown;
  addPolicy(policy: {
    name: string;
    sendRequest(
      request: PipelineRequestLike,
      next: (request: PipelineRequestLike) => Promise<unknown>,
    ): Promise<unknown>;
  }): void;
}

/**
 * Applies the per-attempt timeout to one ConnectorClient; throws if botbuilder's client no longer has the expected
 * shape.
 */
function boundClient<T>(client: T, attemptTimeoutMs: number): T {
  const pipeline = (client as { client?: { pipeline?: PipelineLike } }).client?.pipeline;
  if (!pipeline || typeof pipeline.addPolicy !== 'function')
    throw new Error('outbound: the Bot Connector client has no request pipeline to bound');
  pipeline.removePolicy({ name: LIBRARY_RETRY_POLICY });
  pipeline.addPolicy({
    name: 'mdavAttemptTimeout',
    sendRequest: (request, next) => {
      request.timeout = attemptTimeoutMs;
      return next(request);
    },
  });
  return client;
}

/** Returns `auth` whose connector clients abort each request after `attemptTimeoutMs` and never retry on their own. */
export function boundConnectorCalls<T extends AuthenticationLike>(auth: T, attemptTimeoutMs: number): T {
  const bound = (factory: ConnectorFactoryLike): ConnectorFactoryLike => ({
    create: async (serviceUrl, audience) => boundClient(await factory.create(serviceUrl, audience), attemptTimeoutMs),
  });
  return new Proxy(auth, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = (value as (...args: unknown[]) => unknown).bind(target);
      if (FACTORY_METHODS.has(property)) return (...args: unknown[]) => bound(method(...args) as ConnectorFactoryLike);
      if (AUTHENTICATING_METHODS.has(property)) {
        return async (...args: unknown[]) => {
          const result = (await method(...args)) as { connectorFactory?: ConnectorFactoryLike };
          return result.connectorFactory ? { ...result, connectorFactory: bound(result.connectorFactory) } : result;
        };
      }
      return method;
    },
  });
}
