import { describe, expect, it } from 'vitest';

import { escapeTeamsMarkup, protectCardText } from '../../src/cards/teams-markup.js';

describe('escapeTeamsMarkup', () => {
  it('escapes text that Teams would take for a tag, and keeps comparisons as typed', () => {
    expect(escapeTeamsMarkup('netsh winhttp set proxy <proxy>:<port>')).toBe(
      'netsh winhttp set proxy &lt;proxy>:&lt;port>',
    );
    expect(escapeTeamsMarkup('</b> <!-- x --> <?xml')).toBe('&lt;/b> &lt;!-- x --> &lt;?xml');
    expect(escapeTeamsMarkup('a < b, c <= d, & "$env:ProgramFiles"')).toBe('a < b, c <= d, & "$env:ProgramFiles"');
  });

  it('escapes text that reads as an entity so it is not decoded', () => {
    expect(escapeTeamsMarkup('&lt;proxy&gt; &#60;')).toBe('&amp;lt;proxy&amp;gt; &amp;#60;');
  });
});

describe('protectCardText', () => {
  it('escapes TextBlock text and FactSet facts only, wherever they sit', () => {
    const card = {
      type: 'AdaptiveCard',
      body: [
        { type: 'Container', items: [{ type: 'TextBlock', text: 'set <proxy>' }] },
        { type: 'FactSet', facts: [{ title: '<t>', value: '<v>' }] },
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '<run>' }] },
        { type: 'Input.ChoiceSet', id: 'x', choices: [{ title: '<choice>', value: '<c>' }] },
      ],
      actions: [{ type: 'Action.Submit', title: '<button>', data: { verb: 'ask', text: '<data>' } }],
    };
    expect(protectCardText(card)).toEqual({
      type: 'AdaptiveCard',
      body: [
        { type: 'Container', items: [{ type: 'TextBlock', text: 'set &lt;proxy>' }] },
        { type: 'FactSet', facts: [{ title: '&lt;t>', value: '&lt;v>' }] },
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '<run>' }] },
        { type: 'Input.ChoiceSet', id: 'x', choices: [{ title: '<choice>', value: '<c>' }] },
      ],
      actions: [{ type: 'Action.Submit', title: '<button>', data: { verb: 'ask', text: '<data>' } }],
    });
  });
});
