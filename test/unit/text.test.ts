// @vitest-environment happy-dom
/** Reading a body's text as the matcher sees it, and mapping offsets back to text nodes. */
import { describe, expect, it } from 'vitest';
import { locate, readBodyText } from '../../lib/dom/text';

function body(html: string): Element {
  const el = document.createElement('div');
  el.innerHTML = html;
  return el;
}

describe('readBodyText', () => {
  it('joins inline text and separates blocks', () => {
    expect(readBodyText(body('<p>I did <b>MA</b>TS.</p><p>Then SPAR</p><ul><li>ARENA</li><li>AISC</li></ul>')).text).toBe(
      'I did MATS.\u2029Then SPAR\u2029ARENA\u2029AISC',
    );
    expect(readBodyText(body('MATS<br>SPAR')).text).toBe('MATS\u2029SPAR');
  });

  it('skips editors, form fields and code', () => {
    const el = body(
      '<p>MATS</p><textarea>SPAR</textarea><div contenteditable="true">ARENA</div><pre><code>AISC</code></pre><div contenteditable="false">PIBBSS</div><input value="x">',
    );
    expect(readBodyText(el).text).toBe('MATS\u2029PIBBSS');
  });

  it('maps offsets back to the text nodes, across inline tags', () => {
    const el = body('<p>I did <b>MA</b>TS.</p>');
    const read = readBodyText(el);
    const start = locate(read, 6, false)!;
    const end = locate(read, 10, true)!;
    expect(start.node.data).toBe('MA');
    expect(start.offset).toBe(0);
    expect(end.node.data).toBe('TS.');
    expect(end.offset).toBe(2);
  });

  it('changes nothing', () => {
    const el = body('<p>I did <b>MA</b>TS and <i>SPAR</i>.</p><textarea>x</textarea>');
    const before = el.innerHTML;
    readBodyText(el);
    expect(el.innerHTML).toBe(before);
  });
});
