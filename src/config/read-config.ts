/** Reads and validates the bot's configuration from an environment map; the only reader of the environment. */

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type LogFormat = 'json' | 'pretty';
export type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

/** Bot Framework authentication settings, in the shape `ConfigurationBotFrameworkAuthentication` reads. */
export interface AuthConfig {
  readonly MicrosoftAppId: string;
  readonly MicrosoftAppPassword: string;
  /** Empty only while authentication is off (no MicrosoftAppId); never defaulted. */
  readonly MicrosoftAppType: AppType | '';
  readonly MicrosoftAppTenantId: string;
  /** Overrides where channel token signing keys come from (tests against a local OpenID provider). */
  readonly ToBotFromChannelOpenIdMetadataUrl?: string;
  readonly ToBotFromChannelTokenIssuer?: string;
}

/** The whole validated configuration; frozen. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly auth: AuthConfig;
  /** True when `MicrosoftAppId` is empty: inbound authentication is off (local development only). */
  readonly authDisabled: boolean;
  /** True when authentication is off although NODE_ENV is production (ALLOW_UNAUTHENTICATED=true): logged loudly. */
  readonly unauthenticatedInProduction: boolean;
  /**
   * Origins (scheme://host:port) replies may go to besides loopback while authentication is off; with it on, if set,
   * the only ones.
   */
  readonly allowedServiceUrls: readonly string[];
  readonly logLevel: LogLevel;
  readonly logFormat: LogFormat;
  readonly maxBodyBytes: number;
  readonly shutdownTimeoutMs: number;
  /** Longest wait for one outbound call (Bot Connector, L2 posts, Application Insights, Blob Storage). */
  readonly outboundTimeoutMs: number;
  /** Longest time one outbound operation may take with its retries. */
  readonly outboundBudgetMs: number;
  /** Knowledge folder; empty means the `knowledge/` folder shipped with the bot. */
  readonly knowledgeDir: string;
  /** Teams channel id where L2 tickets are posted; empty: tickets are stored and listed by CLI. */
  readonly l2ChannelId: string;
  /** AAD object ids allowed to act on tickets from anywhere (besides the L2 channel). */
  readonly l2AllowedAadIds: readonly string[];
  readonly l2Language: 'ja' | 'en';
  /** Days after which idle conversation state and old escalation drafts are deleted (tickets are kept). */
  readonly retentionDays: number;
  /** Seconds between retries of L2 cards that could not be posted; 0 retries only at start-up. */
  readonly escalationRetrySeconds: number;
  /** Where conversation state and tickets live: file (one instance), blob (several instances), memory (tests). */
  readonly storage: 'file' | 'blob' | 'memory';
  /** Folder of the file storage. */
  readonly dataDir: string;
  /** Tenants whose activities are answered; empty answers every tenant. */
  readonly allowedTenantIds: readonly string[];
  /** Application Insights connection string; empty: no telemetry. */
  readonly appInsightsConnectionString: string;
  /** Whether analytics keep question text (otherwise only a normalized hash). */
  readonly storeQuestions: boolean;
  /** Messages one user may send per minute before the bot asks them to slow down. */
  readonly rateLimitPerMinute: number;
  /** Azure Blob Storage connection string and container, for STORAGE=blob. */
  readonly blobConnectionString: string;
  readonly blobContainer: string;
  /** Host names file attachments may be downloaded from; `*.example.com` matches any sub-domain. */
  readonly fileDownloadHosts: readonly string[];
  /** Largest file attachment read, in bytes. */
  readonly fileMaxBytes: number;
  /** How long a file download may take. */
  readonly fileDownloadTimeoutMs: number;
}

/** One configuration variable: its default and meaning, as documented in the README table. */
export interface ConfigVariable {
  readonly name: string;
  readonly defaultValue: string;
  readonly meaning: string;
}

/** Every variable `readConfig` understands, in README order. */
export const CONFIG_VARIABLES: readonly ConfigVariable[] = Object.freeze([
  { name: 'PORT', defaultValue: '3978', meaning: 'HTTP port (0 picks a free port).' },
  {
    name: 'HOST',
    defaultValue: '(127.0.0.1 while authentication is off, else 0.0.0.0)',
    meaning: 'Interface to listen on.',
  },
  {
    name: 'NODE_ENV',
    defaultValue: '(empty)',
    meaning: 'production refuses to start without MicrosoftAppId unless ALLOW_UNAUTHENTICATED=true.',
  },
  {
    name: 'MicrosoftAppId',
    defaultValue: '(empty)',
    meaning:
      "Azure Bot app (client) id; with UserAssignedMSI the managed identity's client id. Empty turns inbound authentication off: local development only.",
  },
  {
    name: 'ALLOW_UNAUTHENTICATED',
    defaultValue: 'false',
    meaning:
      'true lets NODE_ENV=production start without MicrosoftAppId (logged as an error at start-up); for isolated test deployments only.',
  },
  {
    name: 'ALLOWED_SERVICE_URLS',
    defaultValue: '(empty: loopback only while authentication is off)',
    meaning:
      'Comma-separated origins (https://host[:port]) the bot may reply to besides loopback while authentication is off; with authentication on, if set, the only origins accepted.',
  },
  {
    name: 'MicrosoftAppPassword',
    defaultValue: '(empty)',
    meaning:
      'Client secret of the app registration; required for SingleTenant and MultiTenant, must be empty for UserAssignedMSI. Secrets expire: rotate before the expiry date.',
  },
  {
    name: 'MicrosoftAppType',
    defaultValue: '(empty; required with MicrosoftAppId)',
    meaning:
      'SingleTenant (app registration with a client secret), UserAssignedMSI (user-assigned managed identity, no secret) or MultiTenant (only existing multi-tenant registrations: new Azure Bots cannot be multi-tenant). Never guessed.',
  },
  {
    name: 'MicrosoftAppTenantId',
    defaultValue: '(empty)',
    meaning: 'Tenant id; required for SingleTenant and UserAssignedMSI, must be empty for MultiTenant.',
  },
  {
    name: 'BOT_OPENID_METADATA_URL',
    defaultValue: '(Bot Framework)',
    meaning: 'Advanced/testing: OpenID metadata URL for validating channel tokens (ToBotFromChannelOpenIdMetadataUrl).',
  },
  {
    name: 'BOT_TOKEN_ISSUER',
    defaultValue: '(Bot Framework)',
    meaning: 'Advanced/testing: expected issuer of channel tokens (ToBotFromChannelTokenIssuer).',
  },
  { name: 'LOG_LEVEL', defaultValue: 'info', meaning: 'fatal, error, warn, info, debug, trace or silent.' },
  {
    name: 'LOG_FORMAT',
    defaultValue: 'json',
    meaning: 'json (one object per line) or pretty (human-readable, for development).',
  },
  { name: 'MAX_BODY_BYTES', defaultValue: '262144', meaning: 'Largest accepted request body; larger bodies get 413.' },
  {
    name: 'SHUTDOWN_TIMEOUT_MS',
    defaultValue: '10000',
    meaning: 'How long shutdown waits for in-flight turns before exiting.',
  },
  {
    name: 'OUTBOUND_TIMEOUT_MS',
    defaultValue: '5000',
    meaning:
      'Longest wait for one outbound attempt (replies, L2 posts and updates, Application Insights, Blob Storage); the request is aborted after it.',
  },
  {
    name: 'OUTBOUND_BUDGET_MS',
    defaultValue: '12000',
    meaning:
      'Longest time one outbound operation may take with all its retries; a turn against a peer that never answers ends after it.',
  },
  {
    name: 'KNOWLEDGE_DIR',
    defaultValue: '(the bundled knowledge/)',
    meaning: 'Knowledge folder to load, e.g. a draft copy being edited.',
  },
  {
    name: 'L2_CHANNEL_ID',
    defaultValue: '(empty)',
    meaning:
      'Teams channel id (19:...@thread.tacv2) where escalation tickets are posted; empty keeps tickets in storage only.',
  },
  {
    name: 'L2_ALLOWED_AAD_IDS',
    defaultValue: '(empty)',
    meaning: 'Comma-separated AAD object ids that may act on tickets from outside the L2 channel.',
  },
  { name: 'L2_LANGUAGE', defaultValue: 'ja', meaning: 'Language of the L2 ticket cards and thread notes: ja or en.' },
  {
    name: 'ALLOWED_TENANT_IDS',
    defaultValue: '(empty: any tenant)',
    meaning:
      'Comma-separated Azure AD tenant ids whose activities the bot answers; others get no answer (logged by id).',
  },
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING',
    defaultValue: '(empty: off)',
    meaning: 'Optional: send turn events (route, outcome, entry id, latency; never text) to Application Insights.',
  },
  {
    name: 'STORE_QUESTIONS',
    defaultValue: 'false',
    meaning: 'true keeps the text of unanswered and rated questions for `npm run report`; false keeps only a hash.',
  },
  {
    name: 'RATE_LIMIT_PER_MINUTE',
    defaultValue: '20',
    meaning: 'Messages per user per minute; more get a polite "please slow down" (0 turns the limit off).',
  },
  {
    name: 'STORAGE',
    defaultValue: 'file',
    meaning:
      'file: durable files in DATA_DIR, for ONE instance; blob: Azure Blob Storage, for several instances; memory: nothing survives a restart (tests).',
  },
  {
    name: 'DATA_DIR',
    defaultValue: 'data',
    meaning: 'Folder of the file storage (created if missing; must be writable).',
  },
  {
    name: 'BLOB_CONNECTION_STRING',
    defaultValue: '(empty)',
    meaning: 'Azure Storage connection string; required with STORAGE=blob. Never logged.',
  },
  {
    name: 'BLOB_CONTAINER',
    defaultValue: 'mdav-bot',
    meaning: 'Blob container for STORAGE=blob (created if missing).',
  },
  {
    name: 'RETENTION_DAYS',
    defaultValue: '30',
    meaning:
      'Conversation state idle this long and escalation drafts this old are deleted by a sweep (at start-up, then daily); tickets are kept.',
  },
  {
    name: 'ESCALATION_RETRY_SECONDS',
    defaultValue: '60',
    meaning: 'How often L2 cards that could not be posted are retried (0: only at start-up).',
  },
  {
    name: 'FILE_DOWNLOAD_HOSTS',
    defaultValue: '*.sharepoint.com',
    meaning:
      "Comma-separated hosts that .txt/.log/.csv attachments are downloaded from (Teams stores a file sent to a bot in the sender's OneDrive for Business or SharePoint); `*.` matches sub-domains. Plain http only for loopback hosts (tests).",
  },
  {
    name: 'FILE_MAX_BYTES',
    defaultValue: '262144',
    meaning: 'Largest file attachment read; larger files get a request to send only the relevant part.',
  },
  { name: 'FILE_DOWNLOAD_TIMEOUT_MS', defaultValue: '10000', meaning: 'How long a file attachment download may take.' },
]);

/** Thrown by `readConfig`; `problems` names every bad variable. */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`config: invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const LOG_FORMATS: readonly LogFormat[] = ['json', 'pretty'];
const APP_TYPES: readonly AppType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];

type Env = Readonly<Record<string, string | undefined>>;

/** Returns the origin of an http(s) URL without credentials, path, query or fragment; undefined for anything else. */
function originOf(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (
      url.username !== '' ||
      url.password !== '' ||
      url.search !== '' ||
      url.hash !== '' ||
      (url.pathname !== '/' && url.pathname !== '')
    )
      return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/**
 * What is missing or contradictory in the Bot Framework authentication settings (botbuilder would otherwise stop
 * with an AssertionError, or run with settings that fail at the first reply). No type is ever assumed.
 */
function authProblems(auth: AuthConfig, typeState: '' | 'valid' | 'invalid'): string[] {
  const {
    MicrosoftAppId: id,
    MicrosoftAppPassword: password,
    MicrosoftAppType: type,
    MicrosoftAppTenantId: tenant,
  } = auth;
  if (id === '') {
    const set = [
      ...(typeState !== '' ? ['MicrosoftAppType'] : []),
      ...(password !== '' ? ['MicrosoftAppPassword'] : []),
      ...(tenant !== '' ? ['MicrosoftAppTenantId'] : []),
    ];
    if (set.length === 0) return [];
    return [
      `MicrosoftAppId: empty while ${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set; set MicrosoftAppId too, or leave all of them empty for local development without authentication`,
    ];
  }
  if (typeState === 'invalid') return [];
  if (type === '') {
    return [
      'MicrosoftAppType: required when MicrosoftAppId is set: SingleTenant (app registration with a client secret), UserAssignedMSI (user-assigned managed identity) or MultiTenant (existing multi-tenant registrations only)',
    ];
  }
  const problems: string[] = [];
  if (type !== 'MultiTenant' && tenant === '')
    problems.push(`MicrosoftAppTenantId: required when MicrosoftAppType is ${type}`);
  if (type === 'MultiTenant' && tenant !== '') {
    problems.push(
      'MicrosoftAppTenantId: set while MicrosoftAppType is MultiTenant, which ignores it; use MicrosoftAppType=SingleTenant for a single-tenant bot, or leave MicrosoftAppTenantId empty',
    );
  }
  if (type !== 'UserAssignedMSI' && password === '')
    problems.push(
      `MicrosoftAppPassword: required when MicrosoftAppType is ${type} (the app registration's client secret)`,
    );
  if (type === 'UserAssignedMSI' && password !== '') {
    problems.push(
      "MicrosoftAppPassword: must be empty when MicrosoftAppType is UserAssignedMSI (the managed identity needs no secret; MicrosoftAppId is the identity's client id)",
    );
  }
  return problems;
}

/** Returns the validated configuration, or throws one `ConfigError` listing every problem. */
export function readConfig(env: Env): Config {
  const problems: string[] = [];
  const text = (name: string, fallback = ''): string => (env[name] ?? '').trim() || fallback;

  const integer = (name: string, fallback: number, min: number, max: number, what: string): number => {
    const raw = text(name);
    if (raw === '') return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push(`${name}: '${raw}' is not ${what} (${min}-${max})`);
      return fallback;
    }
    return Number(raw);
  };

  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = text(name);
    if (raw === '') return fallback;
    const found = allowed.find((value) => value.toLowerCase() === raw.toLowerCase());
    if (found === undefined) {
      problems.push(`${name}: '${raw}' is not one of ${allowed.join(', ')}`);
      return fallback;
    }
    return found;
  };

  const port = integer('PORT', 3978, 0, 65535, 'a port number');
  const maxBodyBytes = integer('MAX_BODY_BYTES', 262144, 1024, 64 * 1024 * 1024, 'a byte count');
  const shutdownTimeoutMs = integer('SHUTDOWN_TIMEOUT_MS', 10000, 0, 600000, 'a duration in milliseconds');
  const outboundTimeoutMs = integer('OUTBOUND_TIMEOUT_MS', 5000, 100, 120000, 'a duration in milliseconds');
  const outboundBudgetMs = integer('OUTBOUND_BUDGET_MS', 12000, 100, 600000, 'a duration in milliseconds');
  const logLevel = oneOf('LOG_LEVEL', LOG_LEVELS, 'info');
  const logFormat = oneOf('LOG_FORMAT', LOG_FORMATS, 'json');
  const appTypeText = text('MicrosoftAppType');
  const appTypeValid = APP_TYPES.some((value) => value.toLowerCase() === appTypeText.toLowerCase());
  const appType: AppType | '' = appTypeText === '' ? '' : oneOf('MicrosoftAppType', APP_TYPES, 'SingleTenant');
  const l2Language = oneOf('L2_LANGUAGE', ['ja', 'en'] as const, 'ja');
  const storage = oneOf('STORAGE', ['file', 'blob', 'memory'] as const, 'file');
  const blobConnectionString = text('BLOB_CONNECTION_STRING');
  const blobContainer = text('BLOB_CONTAINER', 'mdav-bot');
  if (storage === 'blob' && blobConnectionString === '')
    problems.push('BLOB_CONNECTION_STRING: required when STORAGE is blob');
  // Azure container names: 3-63 lower-case letters, digits and single hyphens.
  if (!/^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/u.test(blobContainer))
    problems.push(`BLOB_CONTAINER: '${blobContainer}' is not a valid container name`);
  const retentionDays = integer('RETENTION_DAYS', 30, 1, 3650, 'a number of days');
  const escalationRetrySeconds = integer('ESCALATION_RETRY_SECONDS', 60, 0, 86400, 'a number of seconds');
  const l2ChannelId = text('L2_CHANNEL_ID');
  if (l2ChannelId !== '' && !/^19:[^\s]+$/u.test(l2ChannelId))
    problems.push(`L2_CHANNEL_ID: '${l2ChannelId}' is not a Teams channel id (19:...)`);
  const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
  const allowedTenantIds = text('ALLOWED_TENANT_IDS')
    .split(',')
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean);
  for (const id of allowedTenantIds)
    if (!GUID.test(id)) problems.push(`ALLOWED_TENANT_IDS: '${id}' is not a tenant id`);
  const storeQuestions = oneOf('STORE_QUESTIONS', ['true', 'false'] as const, 'false') === 'true';
  const rateLimitPerMinute = integer('RATE_LIMIT_PER_MINUTE', 20, 0, 10000, 'a number of messages');
  const l2AllowedAadIds = text('L2_ALLOWED_AAD_IDS')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  for (const id of l2AllowedAadIds) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu.test(id))
      problems.push(`L2_ALLOWED_AAD_IDS: '${id}' is not an AAD object id`);
  }

  const fileDownloadHosts = text('FILE_DOWNLOAD_HOSTS', '*.sharepoint.com')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
  for (const host of fileDownloadHosts) {
    if (!/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/u.test(host))
      problems.push(`FILE_DOWNLOAD_HOSTS: '${host}' is not a host name (or *.domain)`);
  }
  const fileMaxBytes = integer('FILE_MAX_BYTES', 262144, 1024, 4 * 1024 * 1024, 'a byte count');
  const fileDownloadTimeoutMs = integer('FILE_DOWNLOAD_TIMEOUT_MS', 10000, 100, 120000, 'a duration in milliseconds');

  const metadataUrl = text('BOT_OPENID_METADATA_URL');
  const issuer = text('BOT_TOKEN_ISSUER');
  const auth: AuthConfig = {
    MicrosoftAppId: text('MicrosoftAppId'),
    MicrosoftAppPassword: text('MicrosoftAppPassword'),
    MicrosoftAppType: appType,
    MicrosoftAppTenantId: text('MicrosoftAppTenantId'),
    ...(metadataUrl ? { ToBotFromChannelOpenIdMetadataUrl: metadataUrl } : {}),
    ...(issuer ? { ToBotFromChannelTokenIssuer: issuer } : {}),
  };
  problems.push(...authProblems(auth, appTypeText === '' ? '' : appTypeValid ? 'valid' : 'invalid'));
  const production = text('NODE_ENV').toLowerCase() === 'production';
  const allowUnauthenticated = oneOf('ALLOW_UNAUTHENTICATED', ['true', 'false'] as const, 'false') === 'true';
  if (production && auth.MicrosoftAppId === '' && !allowUnauthenticated) {
    problems.push(
      'MicrosoftAppId: required when NODE_ENV is production (inbound authentication would be off); set ALLOW_UNAUTHENTICATED=true only for an isolated test deployment',
    );
  }
  const allowedServiceUrls: string[] = [];
  for (const raw of text('ALLOWED_SERVICE_URLS')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean)) {
    const origin = originOf(raw);
    if (origin === undefined)
      problems.push(`ALLOWED_SERVICE_URLS: '${raw}' is not an http(s) origin (https://host[:port])`);
    else allowedServiceUrls.push(origin);
  }

  if (problems.length > 0) throw new ConfigError(problems);

  return Object.freeze({
    port,
    // Without authentication the bot answers anyone who can reach it: only this machine, unless HOST says otherwise.
    host: text('HOST', auth.MicrosoftAppId === '' ? '127.0.0.1' : '0.0.0.0'),
    auth: Object.freeze(auth),
    authDisabled: auth.MicrosoftAppId === '',
    unauthenticatedInProduction: production && auth.MicrosoftAppId === '',
    allowedServiceUrls: Object.freeze(allowedServiceUrls),
    logLevel,
    logFormat,
    maxBodyBytes,
    shutdownTimeoutMs,
    outboundTimeoutMs,
    outboundBudgetMs,
    knowledgeDir: text('KNOWLEDGE_DIR'),
    l2ChannelId,
    l2AllowedAadIds: Object.freeze(l2AllowedAadIds),
    l2Language,
    escalationRetrySeconds,
    retentionDays,
    storage,
    dataDir: text('DATA_DIR', 'data'),
    blobConnectionString,
    blobContainer,
    allowedTenantIds: Object.freeze(allowedTenantIds),
    rateLimitPerMinute,
    storeQuestions,
    appInsightsConnectionString: text('APPLICATIONINSIGHTS_CONNECTION_STRING'),
    fileDownloadHosts: Object.freeze(fileDownloadHosts),
    fileMaxBytes,
    fileDownloadTimeoutMs,
  });
}
