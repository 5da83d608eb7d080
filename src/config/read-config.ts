/** Reads and validates the bot's configuration from an environment map; the only reader of the environment. */

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type LogFormat = 'json' | 'pretty';
export type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

/** Bot Framework authentication settings, in the shape `ConfigurationBotFrameworkAuthentication` reads. */
export interface AuthConfig {
  readonly MicrosoftAppId: string;
  readonly MicrosoftAppPassword: string;
  readonly MicrosoftAppType: AppType;
  readonly MicrosoftAppTenantId: string;
}

/** The whole validated configuration; frozen. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly auth: AuthConfig;
  /** True when `MicrosoftAppId` is empty: inbound authentication is off (local development only). */
  readonly authDisabled: boolean;
  readonly logLevel: LogLevel;
  readonly logFormat: LogFormat;
  readonly maxBodyBytes: number;
  readonly shutdownTimeoutMs: number;
  /** Knowledge folder; empty means the `knowledge/` folder shipped with the bot. */
  readonly knowledgeDir: string;
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
  { name: 'HOST', defaultValue: '0.0.0.0', meaning: 'Interface to listen on.' },
  { name: 'MicrosoftAppId', defaultValue: '(empty)', meaning: 'Azure Bot app (client) id. Empty turns inbound authentication off: local development only.' },
  { name: 'MicrosoftAppPassword', defaultValue: '(empty)', meaning: 'Client secret of the app registration (not used with UserAssignedMSI).' },
  { name: 'MicrosoftAppType', defaultValue: 'MultiTenant', meaning: 'MultiTenant, SingleTenant or UserAssignedMSI.' },
  { name: 'MicrosoftAppTenantId', defaultValue: '(empty)', meaning: 'Tenant id; required for SingleTenant and UserAssignedMSI.' },
  { name: 'LOG_LEVEL', defaultValue: 'info', meaning: 'fatal, error, warn, info, debug, trace or silent.' },
  { name: 'LOG_FORMAT', defaultValue: 'json', meaning: 'json (one object per line) or pretty (human-readable, for development).' },
  { name: 'MAX_BODY_BYTES', defaultValue: '262144', meaning: 'Largest accepted request body; larger bodies get 413.' },
  { name: 'SHUTDOWN_TIMEOUT_MS', defaultValue: '10000', meaning: 'How long shutdown waits for in-flight turns before exiting.' },
  { name: 'KNOWLEDGE_DIR', defaultValue: '(the bundled knowledge/)', meaning: 'Knowledge folder to load, e.g. a draft copy being edited.' },
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
  const logLevel = oneOf('LOG_LEVEL', LOG_LEVELS, 'info');
  const logFormat = oneOf('LOG_FORMAT', LOG_FORMATS, 'json');
  const appType = oneOf('MicrosoftAppType', APP_TYPES, 'MultiTenant');

  const auth: AuthConfig = {
    MicrosoftAppId: text('MicrosoftAppId'),
    MicrosoftAppPassword: text('MicrosoftAppPassword'),
    MicrosoftAppType: appType,
    MicrosoftAppTenantId: text('MicrosoftAppTenantId'),
  };
  if (auth.MicrosoftAppId !== '' && appType !== 'MultiTenant' && auth.MicrosoftAppTenantId === '') {
    problems.push(`MicrosoftAppTenantId: required when MicrosoftAppType is ${appType}`);
  }
  if (auth.MicrosoftAppId === '' && auth.MicrosoftAppPassword !== '') {
    problems.push('MicrosoftAppId: empty while MicrosoftAppPassword is set; set both or neither');
  }

  if (problems.length > 0) throw new ConfigError(problems);

  return Object.freeze({
    port,
    host: text('HOST', '0.0.0.0'),
    auth: Object.freeze(auth),
    authDisabled: auth.MicrosoftAppId === '',
    logLevel,
    logFormat,
    maxBodyBytes,
    shutdownTimeoutMs,
    knowledgeDir: text('KNOWLEDGE_DIR'),
  });
}
