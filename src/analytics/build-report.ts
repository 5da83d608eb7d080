/** Builds the knowledge authors' report from analytics events: what to write or fix next. */

import type { AnalyticsEvent } from './analytics-event.js';

export interface Report {
  readonly from: string;
  readonly to: string;
  readonly outcomes: Readonly<Record<string, number>>;
  /** Most frequent unanswered questions (text when stored, else hash). */
  readonly topUnanswered: ReadonlyArray<{ readonly question: string; readonly count: number }>;
  /** Entries with feedback, worst helpful ratio first. */
  readonly worstEntries: ReadonlyArray<{
    readonly entryId: string;
    readonly helpful: number;
    readonly notHelpful: number;
    readonly ratio: number;
  }>;
  readonly escalationsPerEntry: ReadonlyArray<{ readonly entryId: string; readonly count: number }>;
  readonly escalationsPerFinding: ReadonlyArray<{ readonly findingId: string; readonly count: number }>;
  /** Entries offered in "did you mean" cards that users rejected with "none of these". */
  readonly choicesNotPicked: ReadonlyArray<{ readonly entryId: string; readonly count: number }>;
  readonly dropped: number;
}

/** The `top` most frequent keys, most frequent first (ties by name). */
const rank = (counts: Map<string, number>, top: number): Array<{ key: string; count: number }> =>
  [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, top)
    .map(([key, count]) => ({ key, count }));

const add = (counts: Map<string, number>, key: string): void => {
  counts.set(key, (counts.get(key) ?? 0) + 1);
};

/** Returns the report of `events` for the window (the window is only echoed; events are already selected). */
export function buildReport(events: readonly AnalyticsEvent[], from: Date, to: Date, dropped = 0, top = 20): Report {
  const outcomes = new Map<string, number>();
  const unanswered = new Map<string, number>();
  const feedback = new Map<string, { helpful: number; notHelpful: number }>();
  const perEntry = new Map<string, number>();
  const perFinding = new Map<string, number>();
  const notPicked = new Map<string, number>();
  for (const event of events) {
    switch (event.kind) {
      case 'turn':
        add(outcomes, event.outcome);
        break;
      case 'unanswered':
        add(unanswered, event.question ?? `#${event.questionHash}`);
        break;
      case 'feedback': {
        const tally = feedback.get(event.entryId) ?? { helpful: 0, notHelpful: 0 };
        if (event.helpful) tally.helpful += 1;
        else tally.notHelpful += 1;
        feedback.set(event.entryId, tally);
        break;
      }
      case 'choices-not-picked':
        for (const id of event.offered) add(notPicked, id);
        break;
      case 'escalation':
        for (const id of event.entryIds) add(perEntry, id);
        for (const id of event.findingIds) add(perFinding, id);
        break;
    }
  }
  const ranked = (counts: Map<string, number>) => rank(counts, top);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    outcomes: Object.fromEntries([...outcomes.entries()].sort((a, b) => a[0].localeCompare(b[0]))),
    topUnanswered: ranked(unanswered).map(({ key, count }) => ({ question: key, count })),
    worstEntries: [...feedback.entries()]
      .map(([entryId, tally]) => ({
        entryId,
        ...tally,
        ratio: Number((tally.helpful / (tally.helpful + tally.notHelpful)).toFixed(3)),
      }))
      .sort((a, b) => a.ratio - b.ratio || b.notHelpful - a.notHelpful || a.entryId.localeCompare(b.entryId))
      .slice(0, top),
    escalationsPerEntry: ranked(perEntry).map(({ key, count }) => ({ entryId: key, count })),
    escalationsPerFinding: ranked(perFinding).map(({ key, count }) => ({ findingId: key, count })),
    choicesNotPicked: ranked(notPicked).map(({ key, count }) => ({ entryId: key, count })),
    dropped,
  };
}

/** Returns the report as text lines for the console. */
export function formatReport(report: Report): string {
  const section = (title: string, lines: string[]): string[] => [
    title,
    ...(lines.length > 0 ? lines : ['  (none)']),
    '',
  ];
  return [
    `Report ${report.from} – ${report.to}${report.dropped > 0 ? ` (${report.dropped} events dropped: per-minute cap or buffer limit reached)` : ''}`,
    '',
    ...section(
      'Outcomes',
      Object.entries(report.outcomes).map(([outcome, count]) => `  ${outcome.padEnd(12)} ${count}`),
    ),
    ...section(
      'Top unanswered questions',
      report.topUnanswered.map((item) => `  ${String(item.count).padStart(4)}  ${item.question}`),
    ),
    ...section(
      'Entries with the worst helpful ratio',
      report.worstEntries.map(
        (item) => `  ${item.ratio.toFixed(2)}  👍 ${item.helpful} 👎 ${item.notHelpful}  ${item.entryId}`,
      ),
    ),
    ...section(
      'Escalations per entry',
      report.escalationsPerEntry.map((item) => `  ${String(item.count).padStart(4)}  ${item.entryId}`),
    ),
    ...section(
      'Escalations per finding',
      report.escalationsPerFinding.map((item) => `  ${String(item.count).padStart(4)}  ${item.findingId}`),
    ),
    ...section(
      'Choices offered but not picked',
      report.choicesNotPicked.map((item) => `  ${String(item.count).padStart(4)}  ${item.entryId}`),
    ),
  ].join('\n');
}
