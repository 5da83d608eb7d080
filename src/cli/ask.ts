/**
 * `npm run ask`: the knowledge-author console (also used by benchmarks).
 *   ask "question"            human-readable result
 *   ask --json "question"     one JSON object
 *   ask --json < file.txt     the whole of stdin is one input
 *   ask --jsonl < inputs.jsonl  one {"text", "locale"?} per line → one JSON result per line, same order
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { pasteLanguage, type Language } from '../i18n/language.js';
import { CATALOGUE_IDS } from '../knowledge/catalogue-ids.js';
import { KnowledgeError, loadKnowledge } from '../knowledge/load-knowledge.js';
import { buildMatchIndex } from '../matching/match-index.js';
import { matchQuestion, type MatchResult } from '../matching/match-question.js';
import { readPaste, type PasteReading } from '../diagnosis/read-paste.js';
import type { MatchIndex } from '../matching/match-index.js';
import { safeJson, safeText } from './safe-output.js';

const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge', import.meta.url));

/** The `npm run ask` result for pasted output: kind diagnosis with facts, findings and entries. */
function diagnosisContract(reading: PasteReading, language: Language): Record<string, unknown> {
  return {
    kind: 'diagnosis',
    language,
    entries: reading.diagnosis.entries.map((id) => ({ id, score: 1 })),
    findings: reading.diagnosis.findings,
    facts: reading.merged,
    formats: reading.formats,
    hints: reading.diagnosis.hints,
  };
}

/** Answers one input the way the bot does: pasted output is diagnosed, anything else is matched. */
function answer(index: MatchIndex, text: string, locale: string | undefined): Record<string, unknown> {
  const reading = readPaste(text, undefined);
  if (reading) {
    return diagnosisContract(reading, pasteLanguage(text, locale));
  }
  return toContract(matchQuestion(index, { text, locale }));
}

/** The `npm run ask` result object (design.md contract). */
function toContract(result: MatchResult): Record<string, unknown> {
  return {
    kind: result.kind,
    language: result.language,
    entries: result.entries,
    findings: [],
    facts: {},
    signals: result.signals,
    reason: result.reason,
    truncated: result.truncated,
  };
}

function main(): number {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const jsonl = args.includes('--jsonl');
  const localeArg = args.find((arg) => arg.startsWith('--locale='))?.slice('--locale='.length);
  const text = args.filter((arg) => !arg.startsWith('--')).join(' ');

  let knowledge;
  try {
    knowledge = loadKnowledge(KNOWLEDGE_DIR, { requiredIds: CATALOGUE_IDS, minQuestions: 4 });
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    process.stderr.write(safeText(`${error.message}\n`));
    return 1;
  }
  const index = buildMatchIndex(knowledge);

  if (jsonl) {
    const lines = readFileSync(0, 'utf8').split('\n');
    const out: string[] = [];
    for (const [number, line] of lines.entries()) {
      if (line.trim() === '') continue;
      let input: { text?: unknown; locale?: unknown };
      try {
        input = JSON.parse(line) as { text?: unknown; locale?: unknown };
      } catch {
        out.push(JSON.stringify({ error: `line ${number + 1}: not valid JSON` }));
        continue;
      }
      if (typeof input.text !== 'string') {
        out.push(JSON.stringify({ error: `line ${number + 1}: "text" must be a string` }));
        continue;
      }
      const locale = typeof input.locale === 'string' ? input.locale : localeArg;
      out.push(safeJson(answer(index, input.text, locale)));
    }
    process.stdout.write(out.length > 0 ? `${out.join('\n')}\n` : '');
    return 0;
  }

  const input = text !== '' ? text : readFileSync(0, 'utf8');
  if (input.trim() === '') {
    process.stderr.write('ask: give a question as an argument or on standard input\n');
    return 2;
  }
  const contract = answer(index, input, localeArg);
  if (json) {
    process.stdout.write(`${safeJson(contract)}\n`);
    return 0;
  }
  if (contract['kind'] === 'diagnosis') {
    process.stdout.write(safeText(`diagnosis (${String(contract['language'])}) — formats ${(contract['formats'] as string[]).join(', ')}\n`));
    for (const finding of contract['findings'] as Array<{ id: string; severity: string; entry?: string }>) {
      process.stdout.write(safeText(`  ${finding.severity.padEnd(7)} ${finding.id}${finding.entry ? ` → ${finding.entry}` : ''}\n`));
    }
    process.stdout.write(`  facts ${safeJson(contract['facts'])}\n`);
    return 0;
  }
  const result = matchQuestion(index, { text: input, locale: localeArg });
  const titleOf = (id: string): string => knowledge.byId.get(id)?.[result.language].title ?? id;
  process.stdout.write(safeText(`${result.kind} (${result.language}) — ${result.reason}\n`));
  for (const entry of result.entries) process.stdout.write(safeText(`  ${entry.score.toFixed(3)}  ${entry.id}  ${titleOf(entry.id)}\n`));
  return 0;
}

process.exitCode = main();
