import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { describe, expect, it } from 'vitest';

import { ConfigError, readConfig } from '../../src/config/read-config.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const TENANT = '99999999-8888-7777-6666-555555555555';

/** The problems `readConfig` names for `env`, or undefined when it accepts it. */
function problemsOf(env: Record<string, string>): readonly string[] | undefined {
  try {
    readConfig(env);
    return undefined;
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

/** Every combination of the four authentication settings, each empty or set (the type also to a wrong value). */
function everyCombination(): Array<Record<string, string>> {
  const combinations: Array<Record<string, string>> = [];
  for (const type of ['', 'MultiTenant', 'SingleTenant', 'UserAssignedMSI', 'Managed'])
    for (const id of ['', APP_ID])
      for (const password of ['', 'a-client-secret'])
        for (const tenant of ['', TENANT]) {
          combinations.push({
            MicrosoftAppType: type,
            MicrosoftAppId: id,
            MicrosoftAppPassword: password,
            MicrosoftAppTenantId: tenant,
          });
        }
  return combinations;
}

const describeEnv = (env: Record<string, string>): string =>
  Object.entries(env)
    .map(([name, value]) => `${name}=${value === '' ? '(empty)' : name === 'MicrosoftAppType' ? value : 'set'}`)
    .join(' ');

describe('authentication settings', () => {
  it('accepts exactly the complete combinations: none at all, SingleTenant with secret, managed identity, MultiTenant', () => {
    const accepted = everyCombination()
      .filter((env) => problemsOf(env) === undefined)
      .map(describeEnv);
    expect(accepted).toEqual([
      'MicrosoftAppType=(empty) MicrosoftAppId=(empty) MicrosoftAppPassword=(empty) MicrosoftAppTenantId=(empty)',
      'MicrosoftAppType=MultiTenant MicrosoftAppId=set MicrosoftAppPassword=set MicrosoftAppTenantId=(empty)',
      'MicrosoftAppType=SingleTenant MicrosoftAppId=set MicrosoftAppPassword=set MicrosoftAppTenantId=set',
      'MicrosoftAppType=UserAssignedMSI MicrosoftAppId=set MicrosoftAppPassword=(empty) MicrosoftAppTenantId=set',
    ]);
  });

  it('names a MicrosoftApp* variable for every other combination, and botbuilder accepts every combination it lets through', () => {
    for (const env of everyCombination()) {
      const problems = problemsOf(env);
      if (problems === undefined) {
        // What readConfig accepts, botbuilder must accept too: no AssertionError at start-up.
        expect(
          () => new ConfigurationBotFrameworkAuthentication({ ...readConfig(env).auth }),
          describeEnv(env),
        ).not.toThrow();
        continue;
      }
      expect(problems.length, describeEnv(env)).toBeGreaterThan(0);
      for (const problem of problems)
        expect(problem, describeEnv(env)).toMatch(/^MicrosoftApp(Id|Type|Password|TenantId): /u);
      expect(problems.join('\n'), 'secrets are never repeated').not.toContain('a-client-secret');
    }
  });

  it('never assumes MultiTenant: an app id without a type is an error that lists the types', () => {
    expect(
      problemsOf({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'a-client-secret', MicrosoftAppTenantId: TENANT }),
    ).toEqual([
      'MicrosoftAppType: required when MicrosoftAppId is set: SingleTenant (app registration with a client secret), UserAssignedMSI (user-assigned managed identity) or MultiTenant (existing multi-tenant registrations only)',
    ]);
  });

  it('names each missing or contradictory setting', () => {
    expect(
      problemsOf({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT }),
    ).toEqual([
      "MicrosoftAppPassword: required when MicrosoftAppType is SingleTenant (the app registration's client secret)",
    ]);
    expect(problemsOf({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'SingleTenant' })).toEqual([
      'MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant',
      "MicrosoftAppPassword: required when MicrosoftAppType is SingleTenant (the app registration's client secret)",
    ]);
    expect(
      problemsOf({
        MicrosoftAppId: APP_ID,
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppPassword: 'a-client-secret',
        MicrosoftAppTenantId: TENANT,
      }),
    ).toEqual([
      "MicrosoftAppPassword: must be empty when MicrosoftAppType is UserAssignedMSI (the managed identity needs no secret; MicrosoftAppId is the identity's client id)",
    ]);
    expect(
      problemsOf({
        MicrosoftAppId: APP_ID,
        MicrosoftAppType: 'MultiTenant',
        MicrosoftAppPassword: 'a-client-secret',
        MicrosoftAppTenantId: TENANT,
      }),
    ).toEqual([
      'MicrosoftAppTenantId: set while MicrosoftAppType is MultiTenant, which ignores it; use MicrosoftAppType=SingleTenant for a single-tenant bot, or leave MicrosoftAppTenantId empty',
    ]);
    expect(problemsOf({ MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT })).toEqual([
      'MicrosoftAppId: empty while MicrosoftAppType, MicrosoftAppTenantId are set; set MicrosoftAppId too, or leave all of them empty for local development without authentication',
    ]);
    expect(problemsOf({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'Managed' })).toEqual([
      "MicrosoftAppType: 'Managed' is not one of MultiTenant, SingleTenant, UserAssignedMSI",
    ]);
  });
});
