import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { buildMatchIndex } from '../../src/matching/match-index.js';
import { helpdeskSigns } from '../../src/routes/audience.js';
import { createCardActionRoutes } from '../../src/routes/card-action-routes.js';
import { answerQuestion } from '../../src/routes/question-route.js';
import type { Reply } from '../../src/routes/reply.js';
import { EMPTY_CONVERSATION, type TurnInput } from '../../src/routes/turn-input.js';
import { ROOT } from '../support/start-test-app.js';
import { fakeTurnInput } from '../support/fake-turn-input.js';

const knowledge = loadKnowledge(join(ROOT, 'knowledge'));
const index = buildMatchIndex(knowledge);

const input = (overrides: Partial<TurnInput> = {}): TurnInput =>
  fakeTurnInput({ locale: 'ja-JP', language: 'ja', ...overrides });

const adminOpenOf = (reply: Reply | undefined): boolean | undefined =>
  reply?.type === 'card' && reply.card === 'answer' ? reply.data.adminOpen : undefined;
const ask = (text: string, overrides: Partial<TurnInput> = {}, isStaff = (): boolean => false): Reply | undefined =>
  answerQuestion({ knowledge, index, isStaff }, input({ text, ...overrides }), text, undefined).replies[0];
const withPaste = { ...EMPTY_CONVERSATION, pastes: [{ text: 'MAPSReporting : 0', formats: ['mp-properties'] }] };

describe('helpdeskSigns', () => {
  it('finds no sign in an employee question', () => {
    expect(
      helpdeskSigns(input({ text: 'アプリの初回起動が遅いのはなぜ?' }), {
        errorCodes: [],
        eventIds: [],
        properties: [],
        tools: [],
        otherProducts: [],
      }),
    ).toEqual([]);
  });

  it('names each sign: staff, an earlier paste, an error code, a command, an event or setting', () => {
    const none = { errorCodes: [], eventIds: [], properties: [], tools: [], otherProducts: [] };
    expect(helpdeskSigns(input(), none, () => true)).toEqual(['staff']);
    expect(helpdeskSigns(input({ conversation: withPaste }), none)).toEqual(['paste']);
    expect(helpdeskSigns(input(), { ...none, errorCodes: ['0x80070006'] })).toEqual(['error-code']);
    expect(helpdeskSigns(input(), { ...none, tools: ['netsh winhttp'] })).toEqual(['command']);
    expect(helpdeskSigns(input(), { ...none, eventIds: [5013] })).toEqual(['event-or-setting']);
  });
});

describe('how the answer opens', () => {
  it('folds the admin part for an employee and opens it for an error code, a command, a paste or staff', () => {
    expect(adminOpenOf(ask('アプリの初回起動が遅いのはなぜ?'))).toBe(false);
    expect(adminOpenOf(ask('接続テストで 0x80070006 が出ました'))).toBe(true);
    expect(adminOpenOf(ask('netsh winhttp show proxy の結果の見方'))).toBe(true);
    expect(adminOpenOf(ask('アプリの初回起動が遅いのはなぜ?', { conversation: withPaste }))).toBe(true);
    expect(adminOpenOf(ask('アプリの初回起動が遅いのはなぜ?', {}, () => true))).toBe(true);
  });

  it("keeps helpdesk's view when a topic is picked from a card", () => {
    const route = createCardActionRoutes({ knowledge, index }).find((item) => item.id === 'choose-topic')!;
    const click = (data: Record<string, string>): Reply | undefined => {
      const result = route.handle(
        input({
          action: {
            verb: 'choose-topic',
            data: { verb: 'choose-topic', entryId: 'winhttp-proxy', language: 'ja', ...data },
          },
        }),
      );
      return 'then' in result ? undefined : result.replies[0];
    };
    expect(adminOpenOf(click({}))).toBe(false);
    expect(adminOpenOf(click({ view: 'admin' }))).toBe(true);
  });
});

describe('what the conversation remembers of a question', () => {
  it('records a clarifying question under its asking entry first, then the branches it offers', () => {
    const result = answerQuestion(
      { knowledge, index },
      input({ text: '改ざん防止がオンにならない' }),
      '改ざん防止がオンにならない',
      undefined,
    );
    const asked = result.conversation?.questions.at(-1);
    expect(asked?.kind).toBe('clarify');
    expect(asked?.entryIds[0]).toBe('tp-cannot-enable');
    expect(asked?.entryIds.slice(1).sort()).toEqual(
      knowledge.byId
        .get('tp-cannot-enable')!
        .clarify!.options.map((option) => option.entry)
        .sort(),
    );
    expect(result.conversation?.pendingClarify).toEqual({ entryId: 'tp-cannot-enable', language: 'ja' });
  });
});
