/**
 * `npm run ask`: the knowledge-author console (also used by benchmarks).
 *   ask "question"            human-readable result
 *   ask --json "question"     one JSON object
 *   ask --json < file.txt     the whole of stdin is one input
 *   ask --jsonl < inputs.jsonl  one {"text", "locale"?, "previous"?} per line → one JSON result per line, same order
 *                               ("previous": the entry id answered before, for follow-ups)
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { CATALOGUE_POLICY } from '../knowledge/catalogue-ids.js';
import { KnowledgeError, loadKnowledge } from '../knowledge/load-knowledge.js';
import { buildMatchIndex } from '../matching/match-index.js';
import { matchQuestion } from '../matching/match-question.js';
import { askOne } from './ask-contract.js';
import { parseArgs, runCli, UsageError, type ArgsSpec } from './cli-args.js';
import { safeJson, safeText } from './safe-output.js';

const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge', import.meta.url));

const SPEC: ArgsSpec = {
  options: { json: 'flag', jsonl: 'flag', locale: 'value' },
  positionals: { min: 0, max: Number.POSITIVE_INFINITY },
  usage:
    'usage: npm run ask -- [--json] [--locale ja-JP|en-US] "question"   (or the question on standard input; --jsonl < inputs.jsonl)',
};

function main(): number {
  const args = parseArgs(process.argv.slice(2), SPEC);
  const json = args.flags.has('json');
  const jsonl = args.flags.has('jsonl');
  const localeArg = args.values.get('locale');
  const text = args.positionals.join(' ');
  const problems: string[] = [];
  if (json && jsonl)
    problems.push('--json and --jsonl exclude each other (--jsonl already prints JSON, one line per input)');
  if (jsonl && text !== '') problems.push('--jsonl reads its inputs from standard input, not from arguments');
  if (localeArg !== undefined && !/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/iu.test(localeArg))
    problems.push(`--locale '${localeArg}' is not a language tag such as ja-JP or en-US`);
  if (problems.length > 0) throw new UsageError(problems, SPEC.usage);

  let knowledge;
  try {
    knowledge = loadKnowledge(KNOWLEDGE_DIR, CATALOGUE_POLICY);
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
      let input: { text?: unknown; locale?: unknown; previous?: unknown };
      try {
        input = JSON.parse(line) as { text?: unknown; locale?: unknown; previous?: unknown };
      } catch {
        out.push(JSON.stringify({ error: `line ${number + 1}: not valid JSON` }));
        continue;
      }
      if (typeof input.text !== 'string') {
        out.push(JSON.stringify({ error: `line ${number + 1}: "text" must be a string` }));
        continue;
      }
      const locale = typeof input.locale === 'string' ? input.locale : localeArg;
      const previous = typeof input.previous === 'string' ? input.previous : undefined;
      out.push(safeJson(askOne(index, { text: input.text, locale, previous })));
    }
    process.stdout.write(out.length > 0 ? `${out.join('\n')}\n` : '');
    return 0;
  }

  const input = text !== '' ? text : readFileSync(0, 'utf8');
  if (input.trim() === '') {
    process.stderr.write('ask: give a question as an argument or on standard input\n');
    return 2;
  }
  const contract = askOne(index, { text: input, locale: localeArg });
  if (json) {
    process.stdout.write(`${safeJson(contract)}\n`);
    return 0;
  }
  if (contract['kind'] === 'diagnosis') {
    process.stdout.write(
      safeText(
        `diagnosis (${String(contract['language'])}) — formats ${(contract['formats'] as string[]).join(', ')}\n`,
      ),
    );
    for (const finding of contract['findings'] as Array<{ id: string; severity: string; entry?: string }>) {
      process.stdout.write(
        safeText(`  ${finding.severity.padEnd(7)} ${finding.id}${finding.entry ? ` → ${finding.entry}` : ''}\n`),
      );
    }
    process.stdout.write(`  facts ${safeJson(contract['facts'])}\n`);
    return 0;
  }
  const result = matchQuestion(index, { text: input, locale: localeArg });
  const titleOf = (id: string): string => knowledge.byId.get(id)?.[result.language].title ?? id;
  process.stdout.write(safeText(`${result.kind} (${result.language}) — ${result.reason}\n`));
  if (result.clarifyEntryId)
    process.stdout.write(
      safeText(`  asks: ${knowledge.byId.get(result.clarifyEntryId)?.clarify?.question[result.language] ?? ''}\n`),
    );
  for (const entry of result.entries)
    process.stdout.write(safeText(`  ${entry.score.toFixed(3)}  ${entry.id}  ${titleOf(entry.id)}\n`));
  for (const entry of result.also ?? [])
    process.stdout.write(safeText(`  also ${entry.score.toFixed(3)}  ${entry.id}  ${titleOf(entry.id)}\n`));
  for (const entry of result.otherBranches ?? [])
    process.stdout.write(safeText(`  other case ${entry.score.toFixed(3)}  ${entry.id}  ${titleOf(entry.id)}\n`));
  return 0;
}

await runCli('ask', main);
