import { join } from 'node:path';
import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import type { AnalyticsEvent } from '../../src/analytics/analytics-event.js';
import { createTurnObserver } from '../../src/bot/turn-observer.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { createLogger } from '../../src/log/create-logger.js';
import { buildMatchIndex } from '../../src/matching/match-index.js';
import { createCardActionRoutes } from '../../src/routes/card-action-routes.js';
import { createPastedOutputRoute } from '../../src/routes/pasted-output-route.js';
import { createQuestionRoute } from '../../src/routes/question-route.js';
import type { Route, RouteResult } from '../../src/routes/route-table.js';
import type { TurnInput } from '../../src/routes/turn-input.js';
import type { TurnEvent } from '../../src/telemetry/app-insights.js';
import { fakeTurnInput } from '../support/fake-turn-input.js';
import { ROOT } from '../support/start-test-app.js';

const AT = new Date('2026-11-30T12:00:00.000Z');
const knowledge = loadKnowledge(join(ROOT, 'knowledge'));
const index = buildMatchIndex(knowledge);
const deps = { knowledge, index };

/** A real observer writing to captured logs, analytics and telemetry. */
function observe(storeQuestions = false) {
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  const events: AnalyticsEvent[] = [];
  const tracked: TurnEvent[] = [];
  const observer = createTurnObserver({
    logger: createLogger({ level: 'info', format: 'json', destination: sink }),
    record: (event) => events.push(event),
    track: (event) => tracked.push(event),
    storeQuestions,
    now: () => AT,
  });
  /** Runs `route` on `input` and observes the turn as the bot does (replies sent after 12 ms, unless not `sent`). */
  const turn = async (route: Route, input: TurnInput, sent = true): Promise<RouteResult> => {
    const result = await route.handle(input);
    observer.observe({
      input,
      route: route.id,
      outcome: result.outcome,
      replies: result.replies.length,
      sentAfterMs: sent ? 12 : undefined,
    });
    return result;
  };
  return { logs, events, tracked, turn, observer };
}

const messages = (logs: Array<Record<string, unknown>>) => logs.map((line) => line['msg']);

describe('turn observer: one outcome record feeds logs, analytics and telemetry', () => {
  it('a question: logged by ids, recorded as a turn, tracked with its kind and entry', async () => {
    const { logs, events, tracked, turn } = observe();
    const input = fakeTurnInput({ text: 'how do I add a folder exclusion in Defender?' });
    const result = await turn(createQuestionRoute(deps), input);
    const entryId = result.outcome?.entryId;
    expect(result.outcome?.kind).toBe('answer');
    expect(entryId).toEqual(expect.any(String));
    expect(messages(logs)).toEqual(['question matched', 'turn handled']);
    expect(logs[0]).toMatchObject({ activityId: 'a', kind: 'answer' });
    expect(JSON.stringify(logs)).not.toContain('folder exclusion');
    expect(events).toEqual([
      { kind: 'turn', at: AT.toISOString(), outcome: 'answer', language: 'en', entryId: entryId ?? '' },
    ]);
    expect(tracked).toEqual([{ route: 'question', kind: 'answer', entryId, language: 'en', latencyMs: 12 }]);
    expect(logs[1]).toMatchObject({ route: 'question', language: 'en', replies: result.replies.length, ms: 12 });
  });

  it('an unanswered question: its hash (and its text only when configured) goes to analytics, never to logs', async () => {
    const text = 'zzqx frobnicate the wibble on host-42';
    for (const store of [false, true]) {
      const { logs, events, turn } = observe(store);
      const result = await turn(createQuestionRoute(deps), fakeTurnInput({ text }));
      expect(result.outcome?.kind).toBe('none');
      const unanswered = events.find((event) => event.kind === 'unanswered');
      expect(unanswered).toMatchObject({ kind: 'unanswered', language: 'en', questionHash: expect.any(String) });
      expect(unanswered && 'question' in unanswered ? unanswered.question : undefined).toBe(store ? text : undefined);
      expect(JSON.stringify(logs)).not.toContain('host-42');
    }
  });

  it('a paste: "paste read" with formats and finding ids, a diagnosis turn in the turn language', async () => {
    const { logs, events, tracked, turn } = observe();
    const input = fakeTurnInput({
      text: 'AMRunningMode : Normal\nRealTimeProtectionEnabled : False',
      locale: 'ja-JP',
    });
    await turn(createPastedOutputRoute(deps), input);
    const read = logs.find((line) => line['msg'] === 'paste read');
    expect(read).toMatchObject({ activityId: 'a', pastes: 1, wordsLength: 0 });
    expect(read?.['formats']).toEqual(input.paste?.formats);
    expect(read?.['findings']).toEqual(input.paste?.diagnosis.findings.map((finding) => finding.id));
    expect(events).toEqual([{ kind: 'turn', at: AT.toISOString(), outcome: 'diagnosis', language: 'ja' }]);
    expect(tracked).toEqual([{ route: 'pasted-output', kind: 'diagnosis', language: 'ja', latencyMs: 12 }]);
  });

  it('feedback and "none of these": logged and recorded with the question the answer was given for', async () => {
    const { logs, events, tracked, turn } = observe();
    const routes = createCardActionRoutes(deps);
    const byId = (id: string) => routes.find((route) => route.id === id) as Route;
    const entryId = knowledge.entries[0]?.id ?? '';
    const conversation = {
      ...fakeTurnInput().conversation,
      questions: [{ text: 'how do I add an exclusion', kind: 'answer', entryIds: [entryId] }],
    };
    const feedback = { verb: 'feedback', entryId, value: 'down', language: 'ja' };
    await turn(byId('feedback'), fakeTurnInput({ action: { verb: 'feedback', data: feedback }, conversation }));
    expect(logs[0]).toMatchObject({ msg: 'feedback', activityId: 'a', entryId, helpful: false, language: 'ja' });
    expect(events[0]).toMatchObject({ kind: 'feedback', entryId, helpful: false, language: 'ja' });
    expect(events[0]).toHaveProperty('questionHash');
    expect(tracked[0]).toEqual({ route: 'feedback', kind: 'feedback', language: 'ja', latencyMs: 12 });

    const offered = knowledge.entries.slice(0, 2).map((entry) => entry.id);
    const none = { verb: 'none-of-these', offered: [...offered, 'no-such-entry'].join(','), language: 'en' };
    await turn(byId('none-of-these'), fakeTurnInput({ action: { verb: 'none-of-these', data: none } }));
    expect(events[1]).toEqual({ kind: 'choices-not-picked', at: AT.toISOString(), offered, language: 'en' });
  });

  it('tickets: each change logged in order, a created one recorded as an escalation', () => {
    const { logs, events, observer } = observe();
    const detail = { entryIds: ['e1'], findingIds: ['f1'] };
    observer.observe({
      input: fakeTurnInput({ action: { verb: 'escalate-submit', data: {} } }),
      route: 'escalate-submit',
      outcome: { tickets: [{ ticketId: 'T-1', kind: 'created', detail }] },
      replies: 1,
      sentAfterMs: 5,
    });
    observer.ticket({ ticketId: 'T-1', kind: 'delivered' });
    expect(logs.map((line) => [line['msg'], line['kind']])).toEqual([
      ['ticket', 'created'],
      ['turn handled', undefined],
      ['ticket', 'delivered'],
    ]);
    expect(logs[0]).toMatchObject({ ticketId: 'T-1', entryIds: ['e1'], findingIds: ['f1'] });
    expect(events).toEqual([
      { kind: 'escalation', at: AT.toISOString(), ticketId: 'T-1', entryIds: ['e1'], findingIds: ['f1'] },
    ]);
  });

  it('a turn whose replies were not sent: what it did is recorded, the turn itself is not tracked', async () => {
    const { logs, events, tracked, turn } = observe();
    await turn(createQuestionRoute(deps), fakeTurnInput({ text: 'how do I add a folder exclusion?' }), false);
    expect(messages(logs)).toEqual(['question matched']);
    expect(events.map((event) => event.kind)).toEqual(['turn']);
    expect(tracked).toEqual([]);
  });
});
