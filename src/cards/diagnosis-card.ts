/** Builds the diagnosis card data: what was read, what is wrong (by severity), next steps, entries, and paste hints. */

import type { Diagnosis } from '../diagnosis/diagnose.js';
import { HINT_COMMANDS } from '../diagnosis/collection-snippet.js';
import { CHECKED_TEXT, FINDING_TEXT, HINT_TEXT, HRESULT_MEANINGS } from '../i18n/finding-messages.js';
import type { Language } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import type { KnowledgeBase } from '../knowledge/knowledge-entry.js';
import type { Facts } from '../parsing/facts.js';
import { escalateButton } from './answer-card.js';
import type { DiagnosisCardData, FactLine } from './card-data.js';
import { inertText } from './inert-text.js';

// An icon in the text and a tinted container per severity: no coloured text, which reads badly in dark and
// high-contrast themes.
const SEVERITY_STYLE = {
  error: { icon: '❌', style: 'attention' },
  warning: { icon: '⚠️', style: 'warning' },
  info: { icon: 'ℹ️', style: 'default' },
} as const;

/** Returns a fact as one wrapped line with a bold name (names and values are already inert). */
export function factLine(row: { readonly title: string; readonly value: string }): FactLine {
  return { text: `**${row.title}:** ${row.value}` };
}

/** Returns the facts as FactSet rows (name, printed value), structured facts flattened. */
export function factRows(facts: Facts): Array<{ title: string; value: string }> {
  const rows: Array<{ title: string; value: string }> = [];
  for (const [name, value] of Object.entries(facts)) {
    if (name === 'ValidateMapsConnection' && typeof value === 'object' && value !== null) {
      const maps = value as NonNullable<Facts['ValidateMapsConnection']>;
      const detail = [maps.hresult, maps.httpCode === undefined ? undefined : `httpcode ${maps.httpCode}`]
        .filter(Boolean)
        .join(', ');
      rows.push({ title: 'ValidateMapsConnection', value: maps.ok ? 'OK' : `failed${detail ? ` (${detail})` : ''}` });
      if (maps.lastSuccessfulConnection)
        rows.push({ title: 'Last Successful MAPS connection', value: inertText(maps.lastSuccessfulConnection) });
    } else if (name === 'services' && typeof value === 'object' && value !== null) {
      for (const [service, state] of Object.entries(value as NonNullable<Facts['services']>)) {
        rows.push({
          title: inertText(`sc query ${service}`),
          value: inertText(`${state.state}${state.exitCode ? ` (${state.exitCode})` : ''}`),
        });
      }
    } else if (Array.isArray(value)) {
      rows.push({ title: name, value: value.join(', ') });
    } else {
      // Values are pasted text (host names, free-form strings): shown inert, never as Markdown or expressions.
      rows.push({ title: name, value: value === null ? 'never (4294967295)' : inertText(String(value)) });
    }
  }
  return rows;
}

// Findings whose codes have no rule of their own: their meaning (or "not documented") is spelled out.
const EXPLAINS_CODES = new Set(['maps-network', 'maps-no-winhttp-proxy', 'maps-unknown-code', 'event-error-codes']);

/**
 * Returns "code: meaning" for every HRESULT in the evidence; codes nobody documents are named as unknown, never
 * dropped.
 */
function codeMeanings(evidence: Readonly<Record<string, unknown>>, language: Language): string[] {
  const codes = [
    evidence['ValidateMapsConnection.hresult'],
    ...(Array.isArray(evidence['eventErrorCodes']) ? (evidence['eventErrorCodes'] as unknown[]) : []),
  ];
  return codes
    .filter((code): code is string => typeof code === 'string')
    .map(
      (code) =>
        `${code}: ${HRESULT_MEANINGS[code]?.[language] ?? t(language, 'diagnosis.unknownCode')}${language === 'ja' ? '。' : '.'}`,
    );
}

/** Returns "Checked and fine: ..." for the facts read, in `language` (for a diagnosis without problems). */
function checkedLine(facts: Facts, language: Language): string {
  const items = [
    ...new Set(Object.keys(facts).flatMap((name) => (CHECKED_TEXT[name] ? [CHECKED_TEXT[name][language]] : []))),
  ];
  return items.length > 0
    ? t(language, 'diagnosis.checked', { items: items.join(language === 'ja' ? '、' : ', ') })
    : '';
}

/** Returns an entry row (title, choose-topic button) for `id`, or nothing when the entry is unknown. */
function entryRow(knowledge: KnowledgeBase, id: string, language: Language): DiagnosisCardData['entries'] {
  const entry = knowledge.byId.get(id);
  return entry ? [{ title: entry[language].title, data: { verb: 'choose-topic', entryId: id, language } }] : [];
}

export interface DiagnosisCardOptions {
  /** The entry the question around the output was answered with (its card comes first): not offered again. */
  readonly answered?: string | undefined;
}

/** Returns the card data for a diagnosis of `facts` in `language`. */
export function buildDiagnosisCard(
  facts: Facts,
  diagnosis: Diagnosis,
  knowledge: KnowledgeBase,
  language: Language,
  options: DiagnosisCardOptions = {},
): DiagnosisCardData {
  const problems = diagnosis.findings.filter((finding) => finding.severity !== 'info').length;
  const clean =
    problems === 0 ? [t(language, 'diagnosis.clean'), checkedLine(facts, language)].filter(Boolean).join(' ') : '';
  const nextStep =
    diagnosis.nextStep && diagnosis.nextStep !== options.answered
      ? entryRow(knowledge, diagnosis.nextStep, language)
      : [];
  return {
    title: t(language, 'diagnosis.title'),
    summary:
      problems === 0
        ? clean
        : t(language, problems === 1 ? 'diagnosis.problems.one' : 'diagnosis.problems.other', { count: problems }),
    factsHeading: t(language, 'diagnosis.facts'),
    facts: factRows(facts).map(factLine),
    findings: diagnosis.findings.map((finding) => {
      const text = FINDING_TEXT[finding.id]?.[language];
      const style = SEVERITY_STYLE[finding.severity];
      const command = finding.next
        ? knowledge.byId.get(finding.next.entry)?.commands.find((item) => item.id === finding.next?.command)
        : undefined;
      return {
        title: `${style.icon} ${text?.title ?? finding.id}`,
        command: command?.text ?? '',
        next: [text?.next ?? '', ...(EXPLAINS_CODES.has(finding.id) ? codeMeanings(finding.evidence, language) : [])]
          .filter(Boolean)
          .join(' '),
        style: style.style,
      };
    }),
    nextStepHeading: t(language, 'diagnosis.nextStep'),
    nextStep,
    entriesHeading: t(language, 'diagnosis.entries'),
    entries: diagnosis.entries
      .filter((id) => id !== options.answered && !nextStep.some((row) => row.data.entryId === id))
      .slice(0, 5)
      .flatMap((id) => entryRow(knowledge, id, language)),
    hints: diagnosis.hints.map((hint) => ({
      text: HINT_TEXT[hint]?.[language] ?? hint,
      lines: HINT_COMMANDS[hint].split('\n').map((text) => ({ text })),
    })),
    actions: [escalateButton(language)],
  };
}
