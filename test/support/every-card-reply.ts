import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildChoicesCard, buildNotFoundCard } from '../../src/cards/answer-card.js';
import { buildAlsoCard, buildClarifyCard } from '../../src/cards/clarify-card.js';
import type { CardName } from '../../src/cards/card-data.js';
import { buildHelpCard, buildTopicsCard, buildWelcomeCard } from '../../src/cards/conversation-cards.js';
import { buildDiagnosisCard } from '../../src/cards/diagnosis-card.js';
import { buildEscalationFormCard, buildL2Card, buildTicketCard } from '../../src/cards/escalation-cards.js';
import { readPaste } from '../../src/diagnosis/read-paste.js';
import { LANGUAGES } from '../../src/i18n/language.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-entry.js';
import type { MatchIndex } from '../../src/matching/match-index.js';
import { matchQuestion } from '../../src/matching/match-question.js';
import { answerReply, repliesForMatch } from '../../src/routes/question-route.js';
import type { CardReply, Reply } from '../../src/routes/reply.js';
import { EMPTY_CONVERSATION } from '../../src/routes/turn-input.js';
import { welcomeReplies } from '../../src/routes/welcome.js';
import { loadDevSet } from '../../bench/labelled-sets.js';
import { ROOT } from './start-test-app.js';
import { sampleTicket } from './tickets.js';

/** The time the ticket cards are shown at (their ages and update times). */
const NOW = new Date('2026-11-29T12:00:00Z');

const card = (name: CardName, data: CardReply['data']): CardReply => ({ type: 'card', card: name, data }) as CardReply;
const cardsOf = (replies: readonly Reply[]): CardReply[] =>
  replies.filter((reply): reply is CardReply => reply.type === 'card');

/**
 * Every card reply the bot can produce from the real knowledge, cards, dev set and paste fixtures, by a readable name.
 */
export function everyCardReply(knowledge: KnowledgeBase, index: MatchIndex): Array<[string, CardReply]> {
  const replies: Array<[string, CardReply]> = [];
  const pastes = join(ROOT, 'test/fixtures/pasted');
  for (const language of LANGUAGES) {
    // Answers as an employee sees them (admin part folded) and as the helpdesk does (open).
    for (const adminOpen of [false, true]) {
      for (const entry of knowledge.entries)
        replies.push(
          ...cardsOf([answerReply(knowledge, entry, language, adminOpen)]).map((reply): [string, CardReply] => [
            `answer ${entry.id} ${language} admin ${adminOpen}`,
            reply,
          ]),
        );
    }
    // "Did you mean" for every run of three entries, so each entry is offered in every position.
    knowledge.entries.forEach((_, start) => {
      const offered = [0, 1, 2]
        .map((step) => knowledge.entries[(start + step) % knowledge.entries.length])
        .filter((entry) => entry !== undefined);
      for (const adminOpen of [false, true])
        replies.push([
          `choices from ${start} ${language} admin ${adminOpen}`,
          card('choices', buildChoicesCard(offered, language, adminOpen)),
        ]);
    });
    // Clarifying questions of every entry that has one, and "your message also mentions" rows.
    for (const host of knowledge.entries.filter((entry) => entry.clarify)) {
      replies.push([
        `clarify ${host.id} ${language}`,
        card('choices', buildClarifyCard(host, host.clarify?.options.map((option) => option.entry) ?? [], language)),
      ]);
    }
    replies.push([`also ${language}`, card('topics', buildAlsoCard(knowledge.entries.slice(0, 2), language))]);
    replies.push([
      `branches ${language}`,
      card('topics', buildAlsoCard(knowledge.entries.slice(0, 2), language, 'branches')),
    ]);
    replies.push([`not-found ${language}`, card('not-found', buildNotFoundCard(language))]);
    replies.push([`help ${language}`, card('help', buildHelpCard(language))]);
    replies.push([`topics ${language}`, card('topics', buildTopicsCard(knowledge, language))]);
    replies.push([`welcome ${language}`, card('welcome', buildWelcomeCard(language))]);
    replies.push(
      ...cardsOf(welcomeReplies(language)).map((reply): [string, CardReply] => [`welcome reply ${language}`, reply]),
    );
    replies.push([
      `escalation form ${language}`,
      card('escalation-form', buildEscalationFormCard(EMPTY_CONVERSATION, 'draft-0000-0001', language)),
    ]);
    replies.push([
      `escalation form rejected ${language}`,
      card(
        'escalation-form',
        buildEscalationFormCard(EMPTY_CONVERSATION, 'draft-0000-0002', language, ['deviceName', 'tried'], {
          tried: 'x',
          impact: 'high',
        }),
      ),
    ]);
    const ticket = sampleTicket({
      language,
      summary: {
        questions: [{ text: 'q', kind: 'none', entryIds: [] }],
        feedback: [],
        facts: { MAPSReporting: 0 },
        findings: [],
        pastes: [{ text: 'MAPSReporting : 0', formats: [] }],
      },
    });
    for (const status of ['open', 'assigned', 'waiting-for-user', 'resolved'] as const) {
      replies.push([
        `l2 ticket ${status} ${language}`,
        card('l2-ticket', buildL2Card({ ...ticket, status }, NOW, language)),
      ]);
      replies.push([
        `user ticket ${status} ${language}`,
        card('ticket', buildTicketCard({ ...ticket, status }, 'message', language)),
      ]);
    }
    // A ticket with every kind of history (a question answered, one still open, a resolution, a reopen), folded items
    // included, and the user's cards with L2's words set apart, and updated in place.
    const alice = { id: 'l2-alice', name: 'Alice' };
    const at = (minute: number): string => new Date(Date.UTC(2026, 10, 29, 10, minute)).toISOString();
    const storied = {
      ...ticket,
      status: 'waiting-for-user' as const,
      assignee: alice,
      events: [
        ...ticket.events,
        { at: at(1), kind: 'assigned' as const, by: alice },
        ...Array.from({ length: 4 }, (_, round) => [
          { at: at(10 * round + 2), kind: 'info-requested' as const, by: alice, note: `Question <${round}>` },
          { at: at(10 * round + 3), kind: 'user-replied' as const, by: ticket.requester, note: `Answer ${round}` },
          { at: at(10 * round + 4), kind: 'resolved' as const, by: alice, note: `Fixed ${round}` },
          { at: at(10 * round + 5), kind: 'reopened' as const, by: ticket.requester },
        ]).flat(),
        { at: at(50), kind: 'info-requested' as const, by: alice, note: 'Still failing?' },
      ],
    };
    replies.push(
      [`l2 ticket with history ${language}`, card('l2-ticket', buildL2Card(storied, NOW, language))],
      [
        `user ticket question ${language}`,
        card('ticket', buildTicketCard(storied, { message: 'message', quote: 'Which proxy?', hint: 'hint' }, language)),
      ],
      [
        `user ticket updated in place ${language}`,
        card(
          'ticket',
          buildTicketCard({ ...storied, status: 'resolved' }, { message: 'message', quote: 'note' }, language, {
            updatedAt: NOW,
          }),
        ),
      ],
    );
    for (const file of readdirSync(pastes).filter((name) => name.endsWith('.txt'))) {
      const reading = readPaste(readFileSync(join(pastes, file), 'utf8'), undefined);
      if (reading)
        replies.push([
          `diagnosis ${file} ${language}`,
          card('diagnosis', buildDiagnosisCard(reading.merged, reading.diagnosis, knowledge, language)),
        ]);
    }
  }
  // What the question route answers to every dev-set question (answers, choices, help, topics, not found).
  for (const question of loadDevSet(join(ROOT, 'test/fixtures/questions'))) {
    const result = matchQuestion(index, { text: question.text });
    for (const adminOpen of [false, true]) {
      replies.push(
        ...cardsOf(repliesForMatch(knowledge, result, result.language, adminOpen)).map((reply): [string, CardReply] => [
          `dev-set ${question.file} admin ${adminOpen}: ${question.text}`,
          reply,
        ]),
      );
    }
  }
  return replies;
}
