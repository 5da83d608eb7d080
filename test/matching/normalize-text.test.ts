import { describe, expect, it } from 'vitest';

import { chooseMessageText, htmlToText, normalizeForMatching } from '../../src/matching/normalize-text.js';

describe('htmlToText', () => {
  it('keeps line breaks from <br>, <p> and <div> and decodes entities', () => {
    expect(htmlToText('<p>line one</p><div>a &amp; b&nbsp;&lt;c&gt;</div>x<br/>y&#39;s &#x41;')).toBe(
      "line one\na & b <c>\nx\ny's A",
    );
  });

  it('removes every mention', () => {
    expect(htmlToText('<at>Bot</at> hi <at id="1">Someone Else</at>').trim()).toBe('hi');
  });
});

describe('chooseMessageText', () => {
  it('prefers the HTML attachment when Teams collapsed the line breaks of the text', () => {
    const html = '<p>ValidateMapsConnection failed</p><p>MpCmdRun.exe: hr = 0x80508015</p>';
    expect(chooseMessageText('ValidateMapsConnection failed MpCmdRun.exe: hr = 0x80508015', html)).toBe(
      'ValidateMapsConnection failed\nMpCmdRun.exe: hr = 0x80508015\n',
    );
  });

  it('keeps the text when it already has the lines', () => {
    expect(chooseMessageText('a\nb', '<p>a b</p>')).toBe('a\nb');
  });

  it('strips mentions and tags from text that arrived as HTML', () => {
    expect(chooseMessageText('<at>MDAV</at> what is <b>BAFS</b>?', undefined).trim()).toBe('what is BAFS?');
  });
});

describe('normalizeForMatching', () => {
  it('turns full-width characters half-width, folds case and collapses spaces', () => {
    expect(normalizeForMatching('ＭＡＰＳ\u3000接続　テスト  ０ｘ８００７０００５')).toBe(
      'maps 接続 テスト 0x80070005',
    );
  });
});
