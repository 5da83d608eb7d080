import { describe, expect, it } from 'vitest';

import {
  isConversationOfChannel,
  isL2Sender,
  l2Rule,
  waitingTicketRule,
  type L2Claim,
} from '../../src/escalation/l2-access.js';

const CHANNEL = '19:l2-support@thread.tacv2';
const ALLOWED = 'aaaaaaaa-0000-0000-0000-000000000001';
const policy = { channelId: CHANNEL, allowedAadIds: [ALLOWED] };
const inChannel: L2Claim = {
  teamsChannelId: CHANNEL,
  conversationType: 'channel',
  conversationId: `${CHANNEL};messageid=1700000000000`,
  from: {},
};

describe('who may act on tickets', () => {
  it('accepts a channel conversation of the L2 channel: the channel itself or a thread in it', () => {
    expect(isL2Sender(inChannel, policy)).toBe(true);
    expect(isL2Sender({ ...inChannel, conversationId: CHANNEL }, policy)).toBe(true);
  });

  it.each<[string, Partial<L2Claim>]>([
    [
      'a personal chat with the channel in channelData',
      { conversationType: 'personal', conversationId: 'a:1personal' },
    ],
    ['a group chat with the channel id as conversation id', { conversationType: 'groupChat', conversationId: CHANNEL }],
    ['a thread of another channel', { conversationId: '19:other@thread.tacv2;messageid=1' }],
    ['another channel in channelData', { teamsChannelId: '19:other@thread.tacv2' }],
    ['no channelData', { teamsChannelId: undefined }],
    ['no conversationType', { conversationType: undefined }],
    ['a conversation id that only starts with the channel id', { conversationId: `${CHANNEL}x` }],
    ['a conversation id that contains the channel id', { conversationId: `19:x;${CHANNEL}` }],
  ])('refuses %s', (_name, forged) => {
    expect(isL2Sender({ ...inChannel, ...forged }, policy)).toBe(false);
  });

  it('grants nothing by channel when no L2 channel is configured, even to an empty channel id', () => {
    expect(
      isL2Sender({ ...inChannel, teamsChannelId: '', conversationId: '' }, { channelId: '', allowedAadIds: [] }),
    ).toBe(false);
  });

  it('accepts an allowed AAD object id from anywhere, and no other', () => {
    const personal: L2Claim = {
      teamsChannelId: undefined,
      conversationType: 'personal',
      conversationId: 'a:1personal',
      from: { aadObjectId: ALLOWED },
    };
    expect(isL2Sender(personal, policy)).toBe(true);
    expect(isL2Sender({ ...personal, from: { aadObjectId: 'bbbbbbbb-0000-0000-0000-000000000002' } }, policy)).toBe(
      false,
    );
    expect(isL2Sender({ ...personal, from: {} }, policy)).toBe(false);
  });

  it('tells a thread of the channel from a look-alike', () => {
    expect(isConversationOfChannel(`${CHANNEL};messageid=1`, CHANNEL)).toBe(true);
    expect(isConversationOfChannel(`${CHANNEL}2;messageid=1`, CHANNEL)).toBe(false);
  });
});

describe('the L2 rule as wired', () => {
  it('applies the configured policy', () => {
    const isL2 = l2Rule(policy);
    expect(isL2(inChannel)).toBe(true);
    expect(isL2({ ...inChannel, conversationType: 'groupChat' })).toBe(false);
    expect(l2Rule({ channelId: '', allowedAadIds: [] })(inChannel)).toBe(false);
  });
});

describe('who answers a waiting ticket', () => {
  const looked: string[] = [];
  const requesterOf = async (ticketId: string) => {
    looked.push(ticketId);
    return ticketId === 'T-1' ? 'requester' : undefined;
  };
  const answers = waitingTicketRule(policy, requesterOf);

  it('is the requester named on the mark, or an allowed L2 member', async () => {
    const mark = { ticketId: 'T-9', requesterId: 'requester' };
    expect(await answers(mark, { id: 'requester' })).toBe('T-9');
    expect(await answers(mark, { id: 'someone-else' })).toBeUndefined();
    expect(await answers(mark, { id: 'someone-else', aadObjectId: ALLOWED })).toBe('T-9');
    // The L2 channel grants nothing here: only the AAD allow-list does.
    expect(await answers(mark, { id: 'someone-else', aadObjectId: 'not-allowed' })).toBeUndefined();
    expect(looked).toEqual([]);
  });

  it("looks up the ticket's requester when an older mark doesn't name one", async () => {
    expect(await answers({ ticketId: 'T-1' }, { id: 'requester' })).toBe('T-1');
    expect(await answers({ ticketId: 'T-2' }, { id: 'requester' })).toBeUndefined();
    expect(looked).toEqual(['T-1', 'T-2']);
  });
});
