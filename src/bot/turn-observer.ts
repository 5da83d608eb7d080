/**
 * The turn observer: what the bot records of each turn, from the turn's one outcome record. Logs carry ids, lengths,
 * kinds and rule ids only (message text may name hosts and users); analytics get the events the report is built from;
 * telemetry gets one event per answered turn.
 */

import { questionFields, type AnalyticsEvent } from '../analytics/analytics-event.js';
import type { Logger } from '../log/create-logger.js';
import type { TicketNote, TurnOutcome } from '../routes/turn-outcome.js';
import type { TurnInput } from '../routes/turn-input.js';
import type { TurnEvent } from '../telemetry/app-insights.js';

/** One handled message turn. */
export interface ObservedTurn {
  readonly input: TurnInput;
  /** The id of the route that handled it. */
  readonly route: string;
  readonly outcome: TurnOutcome | undefined;
  /** How many replies the route gave. */
  readonly replies: number;
  /** Milliseconds from the turn's start until its replies were sent; undefined when they were not (the turn failed). */
  readonly sentAfterMs: number | undefined;
}

export interface TurnObserverDeps {
  readonly logger: Logger;
  /** Buffers an analytics event (never slows the turn). */
  readonly record: (event: AnalyticsEvent) => void;
  /** Sends a telemetry event (ids, kinds and latency only). */
  readonly track: (event: TurnEvent) => void;
  /** Whether analytics keep the text of questions (STORE_QUESTIONS); otherwise only its hash. */
  readonly storeQuestions: boolean;
  readonly now: () => Date;
}

export interface TurnObserver {
  /** Records one turn: what its outcome says first, then, when its replies were sent, the turn itself. */
  readonly observe: (turn: ObservedTurn) => void;
  /** Records a ticket change that finished after its turn (the L2 post). */
  readonly ticket: (note: TicketNote) => void;
}

/** Creates the turn observer. */
export function createTurnObserver(deps: TurnObserverDeps): TurnObserver {
  const { logger, record } = deps;
  const at = (): string => deps.now().toISOString();

  const ticket = ({ ticketId, kind, detail }: TicketNote): void => {
    logger.info({ ticketId, kind, ...detail }, 'ticket');
    if (kind === 'created') {
      record({
        kind: 'escalation',
        at: at(),
        ticketId,
        entryIds: (detail?.['entryIds'] as string[] | undefined) ?? [],
        findingIds: (detail?.['findingIds'] as string[] | undefined) ?? [],
      });
    }
  };

  const match = (input: TurnInput, { result, text }: NonNullable<TurnOutcome['match']>): void => {
    // Ids and scores only: the question text may name hosts and users.
    logger.info(
      {
        activityId: input.activityId,
        kind: result.kind,
        entries: result.entries,
        reason: result.reason,
        truncated: result.truncated,
      },
      'question matched',
    );
    record({
      kind: 'turn',
      at: at(),
      outcome: result.kind,
      language: result.language,
      ...(result.kind === 'answer' && result.entries[0] ? { entryId: result.entries[0].id } : {}),
    });
    if (result.kind === 'none')
      record({ kind: 'unanswered', at: at(), language: result.language, ...questionFields(text, deps.storeQuestions) });
  };

  const paste = (input: TurnInput, { reading, question }: NonNullable<TurnOutcome['paste']>): void => {
    logger.info(
      {
        activityId: input.activityId,
        formats: reading.formats,
        findings: reading.diagnosis.findings.map((finding) => finding.id),
        pastes: input.conversation.pastes.length + 1,
        wordsLength: reading.words.length,
        ...(question ? { question: { kind: question.kind, entries: question.entries, reason: question.reason } } : {}),
      },
      'paste read',
    );
    record({ kind: 'turn', at: at(), outcome: 'diagnosis', language: input.language });
  };

  const feedback = (input: TurnInput, event: NonNullable<TurnOutcome['feedback']>): void => {
    logger.info({ activityId: input.activityId, ...event }, 'feedback');
    // The question this answer was given for: the latest one that led to the entry.
    const asked = [...input.conversation.questions].reverse().find((item) => item.entryIds[0] === event.entryId);
    record({
      kind: 'feedback',
      at: at(),
      entryId: event.entryId,
      helpful: event.helpful,
      language: event.language,
      ...(asked ? questionFields(asked.text, deps.storeQuestions) : {}),
    });
  };

  /** The turn itself, once its replies were sent after `ms`. */
  const handled = ({ input, route, outcome, replies }: ObservedTurn, ms: number): void => {
    deps.track({
      route,
      kind: outcome?.kind ?? route,
      ...(outcome?.entryId ? { entryId: outcome.entryId } : {}),
      language: input.language,
      latencyMs: ms,
    });
    const file = input.file;
    logger.info(
      {
        activityId: input.activityId,
        conversationId: input.conversationId,
        route,
        language: input.language,
        textLength: input.text.length,
        htmlLength: input.html?.length ?? 0,
        ...(file
          ? {
              fileLength: 'text' in file ? file.text.length : 0,
              fileProblem: 'problem' in file ? file.problem : undefined,
            }
          : {}),
        verb: input.action?.verb,
        replies,
        ms,
      },
      'turn handled',
    );
  };

  return {
    ticket,
    observe: (turn) => {
      const { input, outcome } = turn;
      for (const note of outcome?.tickets ?? []) ticket(note);
      if (outcome?.match) match(input, outcome.match);
      if (outcome?.paste) paste(input, outcome.paste);
      if (outcome?.feedback) feedback(input, outcome.feedback);
      if (outcome?.choicesRejected)
        record({ kind: 'choices-not-picked', at: at(), offered: outcome.choicesRejected, language: input.language });
      if (turn.sentAfterMs !== undefined) handled(turn, turn.sentAfterMs);
    },
  };
}
