/** The topic ids fixed by ../shared/docs/catalogue.md (beside this repository): each must exist as an entry. */

import type { ValidationPolicy } from './validate-knowledge.js';

export const CATALOGUE_IDS: readonly string[] = Object.freeze([
  'cloud-protection-overview',
  'cloud-protection-enable',
  'maps-membership',
  'cloud-protection-level',
  'sample-submission',
  'block-at-first-sight',
  'slow-first-launch',
  'cloud-endpoints',
  'maps-check-setting',
  'maps-connection-test',
  'maps-error-access-denied',
  'maps-error-cloud-disabled',
  'maps-network-requirements',
  'winhttp-proxy',
  'crl-sslOptions',
  'tls-inspection',
  'tamper-protection-overview',
  'tp-enable-unmanaged',
  'tp-enable-mde',
  'tp-enable-intune',
  'tp-intune-without-mde',
  'tp-check-status',
  'tp-exclusions',
  'tp-cannot-enable',
  'tp-protected-settings',
  'event-5013',
  'troubleshooting-mode',
  'tp-windows-server',
  'server-passive-mode',
  'tp-group-policy',
  'tp-registry',
  'mde-onboarding-check',
  'disable-realtime-temporarily',
]);

/** How the shipped knowledge is validated: every catalogue id present, at least four sample questions per language. */
export const CATALOGUE_POLICY: ValidationPolicy = Object.freeze({ requiredIds: CATALOGUE_IDS, minQuestions: 4 });
