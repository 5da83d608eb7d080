import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadEnvWithFile } from '../../src/config/env-file.js';
import { CONFIG_VARIABLES, ConfigError, readConfig } from '../../src/config/read-config.js';
import { PACKAGE_VARIABLES } from '../../src/package/package-settings.js';

const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('readConfig', () => {
  it('returns the documented defaults for an empty environment', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      port: 3978,
      host: '127.0.0.1',
      authDisabled: true,
      logLevel: 'info',
      logFormat: 'json',
      maxBodyBytes: 262144,
      shutdownTimeoutMs: 10000,
    });
    expect(config.auth.MicrosoftAppType).toBe('');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names the variable when the port is not a number', () => {
    expect(problemsOf({ PORT: 'abc' })).toEqual(["PORT: 'abc' is not a port number (0-65535)"]);
  });

  it('lists every bad variable at once', () => {
    const problems = problemsOf({
      PORT: '70000',
      LOG_LEVEL: 'loud',
      LOG_FORMAT: 'xml',
      MAX_BODY_BYTES: '-1',
      SHUTDOWN_TIMEOUT_MS: '1.5',
    });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'PORT',
      'MAX_BODY_BYTES',
      'SHUTDOWN_TIMEOUT_MS',
      'LOG_LEVEL',
      'LOG_FORMAT',
    ]);
  });

  it('accepts enumerations case-insensitively and trims values', () => {
    const config = readConfig({
      LOG_LEVEL: ' DEBUG ',
      MicrosoftAppType: 'singletenant',
      MicrosoftAppId: 'id',
      MicrosoftAppPassword: 's',
      MicrosoftAppTenantId: 't',
    });
    expect(config.logLevel).toBe('debug');
    expect(config.auth.MicrosoftAppType).toBe('SingleTenant');
    expect(config.authDisabled).toBe(false);
  });

  it('requires a tenant id for single-tenant apps', () => {
    expect(problemsOf({ MicrosoftAppId: 'id', MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 's' })).toEqual([
      'MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant',
    ]);
  });

  it('rejects a password without an app id', () => {
    expect(problemsOf({ MicrosoftAppPassword: 'secret' })[0]).toMatch(/^MicrosoftAppId:/u);
  });

  it('does not repeat secret values in its messages', () => {
    expect(problemsOf({ MicrosoftAppPassword: 'hunter2' }).join('\n')).not.toContain('hunter2');
  });

  it('refuses production without an app id unless ALLOW_UNAUTHENTICATED=true', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'MicrosoftAppId: required when NODE_ENV is production (inbound authentication would be off); set ALLOW_UNAUTHENTICATED=true only for an isolated test deployment',
    ]);
    expect(readConfig({ NODE_ENV: 'production', ALLOW_UNAUTHENTICATED: 'true' })).toMatchObject({
      authDisabled: true,
      unauthenticatedInProduction: true,
      host: '127.0.0.1',
    });
    expect(
      readConfig({
        NODE_ENV: 'production',
        MicrosoftAppId: 'app',
        MicrosoftAppPassword: 'p',
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: 't',
      }),
    ).toMatchObject({ authDisabled: false, unauthenticatedInProduction: false });
    expect(readConfig({ NODE_ENV: 'development' }).unauthenticatedInProduction).toBe(false);
  });

  it('listens on loopback while authentication is off, on every interface with it on, and where HOST says', () => {
    expect(readConfig({}).host).toBe('127.0.0.1');
    expect(readConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'p', MicrosoftAppType: 'MultiTenant' }).host).toBe(
      '0.0.0.0',
    );
    expect(readConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('reads ALLOWED_SERVICE_URLS as origins and names entries that are not', () => {
    expect(
      readConfig({ ALLOWED_SERVICE_URLS: 'https://smba.trafficmanager.net, http://10.0.0.5:3979/' }).allowedServiceUrls,
    ).toEqual(['https://smba.trafficmanager.net', 'http://10.0.0.5:3979']);
    expect(problemsOf({ ALLOWED_SERVICE_URLS: 'ftp://x,https://a.example/path?q=1,https://u:p@b.example' })).toEqual([
      "ALLOWED_SERVICE_URLS: 'ftp://x' is not an http(s) origin (https://host[:port])",
      "ALLOWED_SERVICE_URLS: 'https://a.example/path?q=1' is not an http(s) origin (https://host[:port])",
      "ALLOWED_SERVICE_URLS: 'https://u:p@b.example' is not an http(s) origin (https://host[:port])",
    ]);
  });

  it('documents every variable it reads', () => {
    const documented = CONFIG_VARIABLES.map((variable) => variable.name);
    const read: string[] = [];
    readConfig(new Proxy({}, { get: (_target, name) => (read.push(String(name)), undefined) }));
    expect([...new Set(read)].sort()).toEqual([...documented].sort());
  });
});

describe('loadEnvWithFile', () => {
  it('reads .env values under the process environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'PORT=4000\nLOG_LEVEL=debug\n# comment\nHOST="127.0.0.1"\n');
    const env = loadEnvWithFile({ LOG_LEVEL: 'warn' }, file);
    expect(env).toMatchObject({ PORT: '4000', LOG_LEVEL: 'warn', HOST: '127.0.0.1' });
  });

  it('returns the process environment alone when there is no .env file', () => {
    expect(loadEnvWithFile({ PORT: '1' }, '/nonexistent/.env')).toEqual({ PORT: '1' });
  });
});

describe('README', () => {
  it('documents every configuration variable with its default and meaning, as the config reader states them', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const variable of [...CONFIG_VARIABLES, ...PACKAGE_VARIABLES]) {
      const shown = variable.defaultValue.startsWith('(') ? variable.defaultValue : `\`${variable.defaultValue}\``;
      expect(readme, variable.name).toContain(`| \`${variable.name}\` | ${shown} | ${variable.meaning} |`);
    }
  });
});

describe('.env.example', () => {
  it('starts the bot with authentication off and presets no MicrosoftAppType', () => {
    const example = new URL('../../.env.example', import.meta.url).pathname;
    const env = loadEnvWithFile({}, example);
    expect(env['MicrosoftAppType']).toBe('');
    expect(readConfig(env)).toMatchObject({ authDisabled: true, auth: { MicrosoftAppType: '' } });
  });
});
