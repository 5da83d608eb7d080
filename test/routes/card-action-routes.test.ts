/**
 * The card action routes called directly, with the real knowledge and recording callbacks: the reply language is the
 * button's, forged or stale data gets the "unknown action" reply and reaches no callback.
 */

import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { buildMatchIndex } from '../../src/matching/match-index.js';
import { createCardActionRoutes, type CardActionDeps } from '../../src/routes/card-action-routes.js';
import type { Route, RouteResult } from '../../src/routes/route-table.js';
import { EMPTY_CONVERSATION, type TurnInput } from '../../src/routes/turn-input.js';
import { fakeTurnInput } from '../support/fake-turn-input.js';
import { ROOT } from '../support/start-test-app.js';

const knowledge = loadKnowledge(join(ROOT, 'knowledge'));
const index = buildMatchIndex(knowledge);
const UNKNOWN = {
  en: 'That button is no longer available. Please ask your question again.',
  ja: 'このボタンは現在使用できません。もう一度ご質問ください。',
};

/** Deps of the card action routes; `staff` is who counts as L2 or helpdesk staff. */
const depsFor = (staff: (input: TurnInput) => boolean = () => false): CardActionDeps => ({
  knowledge,
  index,
  isStaff: staff,
});

/** What a turn's outcome reports to the turn observer: the question matched, feedback, a rejected "did you mean". */
function reported(result: RouteResult): unknown[][] {
  const outcome = result.outcome;
  return [
    ...(outcome?.match ? [['match', outcome.match.result.kind, outcome.match.text]] : []),
    ...(outcome?.feedback ? [['feedback', outcome.feedback]] : []),
    ...(outcome?.choicesRejected ? [['choices-rejected', outcome.choicesRejected]] : []),
  ];
}

/** Runs one turn as the route table does: the first route that matches handles it. */
async function turn(routes: readonly Route[], input: TurnInput): Promise<{ route: string; result: RouteResult }> {
  const route = routes.find((candidate) => candidate.matches(input));
  if (!route) throw new Error('no route matched');
  return { route: route.id, result: await route.handle(input) };
}

const click = (verb: string, data: Record<string, string> = {}, overrides: Partial<TurnInput> = {}): TurnInput =>
  fakeTurnInput({ action: { verb, data: { verb, ...data } }, ...overrides });

describe('card action routes', () => {
  it('answers a chosen topic in the language of the button, not of the turn, and remembers it', async () => {
    const deps = depsFor();
    const entry = knowledge.byId.get('slow-first-launch')!;
    const { route, result } = await turn(
      createCardActionRoutes(deps),
      click('choose-topic', { entryId: entry.id, language: 'ja' }, { conversation: { ...EMPTY_CONVERSATION } }),
    );
    expect(route).toBe('choose-topic');
    expect(result.replies).toHaveLength(1);
    expect(result.replies[0]).toMatchObject({ type: 'card', card: 'answer', language: 'ja', summary: entry.ja.title });
    expect(result.conversation).toEqual({ ...EMPTY_CONVERSATION, lastEntryId: entry.id });
  });

  it('opens the admin part for staff and for a helpdesk button, folded otherwise', async () => {
    const adminOpen = async (staff: boolean, view?: string): Promise<unknown> => {
      const deps = depsFor(() => staff);
      const data = { entryId: 'slow-first-launch', language: 'en', ...(view ? { view } : {}) };
      const { result } = await turn(createCardActionRoutes(deps), click('choose-topic', data));
      const reply = result.replies[0];
      return reply?.type === 'card' ? (reply.data as unknown as { adminOpen: unknown }).adminOpen : 'no card';
    };
    expect([await adminOpen(false), await adminOpen(true), await adminOpen(false, 'admin')]).toEqual([
      false,
      true,
      true,
    ]);
  });

  it.each([
    ['a topic that does not exist', 'choose-topic', { entryId: '../../etc/passwd', language: 'ja' }],
    ['feedback on an entry that does not exist', 'feedback', { entryId: 'no-such-entry', value: 'up', language: 'ja' }],
    ['feedback with a forged value', 'feedback', { entryId: 'slow-first-launch', value: 'meh', language: 'ja' }],
    ['an "ask" button without its question', 'ask', { language: 'ja' }],
    ['a verb no card has', 'launch-missiles', { language: 'ja' }],
    ['a misspelt L2 verb', 'l2-asign', { ticketId: 'MDAV-20261129-0001', language: 'ja' }],
    ['a dialog verb sent into the chat', 'extension-insert', { kind: 'entry', language: 'ja' }],
  ])('answers %s with "unknown action" in the button language and reports nothing', async (_name, verb, data) => {
    const deps = depsFor();
    const { result } = await turn(createCardActionRoutes(deps), click(verb, data));
    expect(result.replies).toEqual([{ type: 'text', text: UNKNOWN.ja, language: 'ja' }]);
    expect(result.conversation).toBeUndefined();
    expect(reported(result)).toEqual([]);
  });

  it('answers a stale button without a language in the language of the turn', async () => {
    const deps = depsFor();
    const { route, result } = await turn(createCardActionRoutes(deps), click('old-verb', {}, { language: 'en' }));
    expect(route).toBe('unknown-action');
    expect(result.replies).toEqual([{ type: 'text', text: UNKNOWN.en, language: 'en' }]);
  });

  it('records feedback on a real entry and keeps only the latest vote per entry', async () => {
    const deps = depsFor();
    const conversation = { ...EMPTY_CONVERSATION, feedback: [{ entryId: 'slow-first-launch', helpful: true }] };
    const { result } = await turn(
      createCardActionRoutes(deps),
      click('feedback', { entryId: 'slow-first-launch', value: 'down', language: 'en' }, { conversation }),
    );
    expect(result.replies).toEqual([
      {
        type: 'text',
        text: 'Sorry this did not help. You can rephrase the question, browse the topics, or escalate to L2.',
        language: 'en',
      },
    ]);
    expect(result.conversation?.feedback).toEqual([{ entryId: 'slow-first-launch', helpful: false }]);
    expect(reported(result)).toEqual([['feedback', { entryId: 'slow-first-launch', helpful: false, language: 'en' }]]);
  });

  it('reports only the real entries a rejected "did you mean" card offered, and nothing when none is real', async () => {
    const deps = depsFor();
    const routes = createCardActionRoutes(deps);
    const first = await turn(
      routes,
      click('none-of-these', { offered: 'slow-first-launch,forged,winhttp-proxy', language: 'ja' }),
    );
    expect(first.result.replies).toMatchObject([{ type: 'card', card: 'not-found', language: 'ja' }]);
    const second = await turn(routes, click('none-of-these', { offered: 'forged,,also-forged', language: 'en' }));
    expect(reported(first.result)).toEqual([['choices-rejected', ['slow-first-launch', 'winhttp-proxy']]]);
    expect(reported(second.result)).toEqual([]);
  });

  it('answers an "ask" button through the question route with its own text', async () => {
    const deps = depsFor();
    const { result } = await turn(
      createCardActionRoutes(deps),
      click('ask', { text: 'what is block at first sight', language: 'en' }),
    );
    expect(result.replies[0]).toMatchObject({
      type: 'card',
      card: 'answer',
      summary: knowledge.byId.get('block-at-first-sight')!.en.title,
    });
    expect(reported(result)).toEqual([['match', 'answer', 'what is block at first sight']]);
  });

  it('says it reads text only when a message has an attachment and no text', async () => {
    const deps = depsFor();
    const { route, result } = await turn(
      createCardActionRoutes(deps),
      fakeTurnInput({
        language: 'ja',
        locale: 'ja-JP',
        otherAttachments: ['image/png'],
        html: '<p> </p>',
      }),
    );
    expect(route).toBe('attachment-only');
    expect(result.replies).toEqual([
      {
        type: 'text',
        text: '画像やファイルは読み取れません。エラーやコマンドの出力をテキストで貼り付けてください。',
        language: 'ja',
      },
    ]);
  });
});
