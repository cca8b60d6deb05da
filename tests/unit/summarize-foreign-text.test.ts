import { describe, expect, it } from 'vitest';
import { FOREIGN_TEXT_LIMIT, summarizeForeignText } from '../../src/shared/summarize-foreign-text.js';

const SECRET = 'pwr_relay-token-0123456789abcdef';

describe('what a foreign server said, as we repeat it', () => {
  it('turns an HTML error page into a short line of its text', () => {
    const page = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{color:red}</style><script>steal()</script></head><body><h1>Bad Gateway</h1><p>${'upstream failed '.repeat(200)}</p></body></html>`;
    const summary = summarizeForeignText(page);
    expect(Array.from(summary).length).toBeLessThanOrEqual(FOREIGN_TEXT_LIMIT);
    expect(summary).toMatch(/^502 Bad Gateway Bad Gateway upstream failed/);
    expect(summary).not.toMatch(/[<>]|steal|color:red/);
    expect(summary.endsWith('…')).toBe(true);
  });

  it('removes control characters and the invisible ones that reorder or hide text', () => {
    const summary = summarizeForeignText('ok\u001b[31mRED\u001b[0m\r\nnext line\u202eesrever\u200b\u0000end');
    expect(summary).toBe('ok [31mRED [0m next line esrever end');
    expect([...summary].some((c) => c.charCodeAt(0) < 0x20 || c === '\u202e' || c === '\u200b')).toBe(false);
  });

  it('masks the given secrets and anything credential-like, even where the cut would have split them', () => {
    const echoed = `${'x'.repeat(150)} token ${SECRET} rejected; sent Authorization: Bearer abcdefghijklmnop and sk-proj-abcdefghijklmnop`;
    const summary = summarizeForeignText(echoed, [SECRET], 400);
    expect(summary).not.toContain(SECRET);
    expect(summary).toContain('token [hidden] rejected');
    expect(summary).toContain('Bearer [hidden]');
    expect(summary).toContain('sk-[hidden]');
    // At the default length the secret straddles the cut: no piece of it may remain.
    expect(summarizeForeignText(echoed, [SECRET])).not.toMatch(/pwr_|relay-token|0123/);
  });

  it('reads only the start of a huge text, and gives nothing for what is not text', () => {
    expect(Array.from(summarizeForeignText(`<b>${'a<i>'.repeat(2_000_000)}`)).length).toBeLessThanOrEqual(FOREIGN_TEXT_LIMIT);
    expect(summarizeForeignText(undefined)).toBe('');
    expect(summarizeForeignText({ message: 'x' })).toBe('');
  });

  it('keeps a lone angle bracket that is not markup', () => {
    expect(summarizeForeignText('Unexpected token < in JSON at position 0')).toBe('Unexpected token < in JSON at position 0');
  });
});
