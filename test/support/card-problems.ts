/**
 * Adaptive Card checks shared by tests: the official renderer's problems at schema 1.5, and the Action.Submit buttons.
 */

import * as AC from 'adaptivecards';

/** Returns the parse and validation messages of the official renderer's object model at schema 1.5 (empty: valid). */
export function cardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(new AC.Version(1, 5));
  card.parse(json, context);
  const problems: string[] = [];
  for (let index = 0; index < context.eventCount; index += 1)
    problems.push(`parse: ${context.getEventAt(index).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}

/** Every Action.Submit in a card JSON tree. */
export function submitActions(node: unknown): Array<{ title?: string; data?: Record<string, unknown> }> {
  if (Array.isArray(node)) return node.flatMap(submitActions);
  if (typeof node !== 'object' || node === null) return [];
  const own =
    (node as { type?: unknown }).type === 'Action.Submit'
      ? [node as { title?: string; data?: Record<string, unknown> }]
      : [];
  return [...own, ...Object.values(node).flatMap(submitActions)];
}
