import { describe, expect, it } from 'vitest';
import { clampText, escapeMarkdown } from '../../src/report/escape.js';

describe('escapeMarkdown', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '<'],
    ['[x](javascript:alert(1))', ']('],
    ['![x](https://evil.example/pixel.png)', '!['],
    ['`code` and ```fence', '`'],
    ['**bold** _it_ ~~strike~~', '**'],
    ['# heading', '# '],
    ['<details><summary>x</summary>', '<details'],
    ['&lt;script&gt;', '&lt;'],
  ])('leaves no markup in %j', (input, markup) => {
    const escaped = escapeMarkdown(input);
    expect(escaped).not.toContain(markup);
    expect(escaped).not.toMatch(/[<>[\]()`*_~!]/);
  });

  it('keeps @-mentions and #-references from pinging or linking', () => {
    const escaped = escapeMarkdown('ping @org/team and @alice, see #12 and GH-3');
    expect(escaped).not.toMatch(/@[a-z]/i);
    expect(escaped).toContain('@\u200b');
    expect(escaped).toContain('&#35;\u200b12');
  });

  it('keeps a table row whole: no pipes, no line breaks', () => {
    const escaped = escapeMarkdown('a | b\nc\r\n| d |\u2028e');
    expect(escaped).not.toMatch(/[|\r\n\u2028]/);
    expect(escaped).toBe('a &#124; b c &#124; d &#124; e');
  });

  it('drops invisible characters that reorder text', () => {
    expect(escapeMarkdown('abc\u202edcba\u0000')).toBe('abcdcba');
  });

  it('reads the same once rendered: entities for the characters', () => {
    expect(escapeMarkdown('tool_error_rate')).toBe('tool&#95;error&#95;rate');
  });
});

describe('clampText', () => {
  it('cuts long text by code points, with an ellipsis', () => {
    expect(clampText('😀😀😀😀', 3)).toBe('😀😀…');
    expect(clampText('short', 10)).toBe('short');
  });
});
