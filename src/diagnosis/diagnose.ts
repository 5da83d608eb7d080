/** Runs the rule table over merged facts: findings by severity, the entries they point to, and what to paste next. */

import type { Facts } from '../parsing/facts.js';
import {
  DIAGNOSIS_RULES,
  NEXT_STEPS,
  SETTING_ENTRIES,
  type CommandRef,
  type DiagnosisRule,
  type Severity,
} from './diagnosis-rules.js';

export interface Finding {
  readonly id: string;
  readonly severity: Severity;
  readonly entry?: string;
  readonly evidence: Readonly<Record<string, unknown>>;
  /** The command to run next (a knowledge entry's command). */
  readonly next?: CommandRef;
}

/** Output the user could paste next to make the diagnosis more certain. */
export type PasteHint = 'maps-reporting' | 'sense-state' | 'validate-maps' | 'collection-snippet';

export interface Diagnosis {
  readonly findings: readonly Finding[];
  /** Entries the findings point to, most important first, unique. */
  readonly entries: readonly string[];
  readonly hints: readonly PasteHint[];
  /** When nothing is wrong: the entry for the next check (see NEXT_STEPS). */
  readonly nextStep?: string;
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Returns the diagnosis of `facts` with `rules` (the shipped table by default). */
export function diagnose(facts: Facts, rules: readonly DiagnosisRule[] = DIAGNOSIS_RULES): Diagnosis {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const hit = rule.evaluate(facts);
    if (!hit) continue;
    const entry = hit.entry ?? rule.entry;
    findings.push({
      id: rule.id,
      severity: rule.severity,
      ...(entry ? { entry } : {}),
      evidence: hit.evidence,
      ...(rule.next ? { next: rule.next } : {}),
    });
  }
  // Stable sort: severity first, rule order within a severity.
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const entries = [...new Set(findings.flatMap((finding) => (finding.entry ? [finding.entry] : [])))];
  const nextStep = nextStepOf(facts, findings);
  return { findings, entries, hints: pasteHints(facts, findings), ...(nextStep ? { nextStep } : {}) };
}

/**
 * The next check when the findings show no problem: the first next step that applies, else the first finding's entry,
 * else the entry explaining the first setting read.
 */
function nextStepOf(facts: Facts, findings: readonly Finding[]): string | undefined {
  if (findings.some((finding) => finding.severity !== 'info')) return undefined;
  const setting = Object.keys(facts).find((name) => SETTING_ENTRIES[name] !== undefined);
  return (
    NEXT_STEPS.find((step) => step.applies(facts))?.entry ??
    findings.find((finding) => finding.entry)?.entry ??
    (setting === undefined ? undefined : SETTING_ENTRIES[setting])
  );
}

/** Says which output would settle what the findings leave open. */
function pasteHints(facts: Facts, findings: readonly Finding[]): PasteHint[] {
  const hints: PasteHint[] = [];
  const found = new Set(findings.map((finding) => finding.id));
  if (found.has('maps-cloud-disabled-or-blocked') && facts.MAPSReporting === undefined) hints.push('maps-reporting');
  if (found.has('tamper-protection-off') && facts.services?.['sense'] === undefined) hints.push('sense-state');
  if (facts.ValidateMapsConnection === undefined && (facts.MAPSReporting ?? 1) !== 0) hints.push('validate-maps');
  if (hints.length > 0 || findings.length === 0) hints.push('collection-snippet');
  return hints;
}
