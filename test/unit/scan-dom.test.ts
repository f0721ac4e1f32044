// @vitest-environment happy-dom
/**
 * The DOM scanner on generated trees (fast-check): it never throws, never changes the tree, and
 * every mention it reports covers exactly the reported text in the page's own text nodes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanBody, toRange } from '../../lib/dom/scan';
import { readBodyText } from '../../lib/dom/text';
import { buildMatcher } from '../../lib/match/build';
import { createMatcher } from '../../lib/match/match';

const matcher = createMatcher(
  buildMatcher([
    { id: 'mats', aliases: [{ text: 'MATS', editions: true }, 'SERI MATS'] },
    { id: 'aisc', aliases: [{ text: 'AI Safety Camp', editions: true }, { text: 'AISC', editions: true }] },
    { id: 'refine', aliases: [{ text: 'Refine', ambiguous: true }], context: ['Conjecture'] },
    { id: 'spar', aliases: ['SPAR'] },
  ]),
);

type Tree = string | { tag: string; attrs?: Record<string, string>; children: Tree[] };

const words = fc.constantFrom('MATS', 'MA', 'TS', 'SERI', ' MATS', 'AI Safety ', 'Camp', 'AISC10', 'Refine', ' Conjecture ', 'SPAR', 'the ', ', ', '. ', "'s ", '🙂', 'é', '\n', ' ', 'x');
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.array(words, { minLength: 1, maxLength: 4 }).map((w) => w.join('')),
    fc.record({
      tag: fc.constantFrom('p', 'div', 'b', 'i', 'span', 'a', 'li', 'ul', 'blockquote', 'code', 'pre', 'textarea', 'br', 'div'),
      attrs: fc.option(fc.constantFrom({ contenteditable: 'true' }, { contenteditable: 'false' }, { role: 'textbox' }, { class: 'x' }), { nil: undefined }),
      children: fc.array(tie('node'), { maxLength: 4 }),
    }) as fc.Arbitrary<Tree>,
  ),
})).node;

function build(t: Tree, parent: Node): void {
  if (typeof t === 'string') {
    parent.appendChild(document.createTextNode(t));
    return;
  }
  const el = document.createElement(t.tag);
  for (const [k, v] of Object.entries(t.attrs ?? {})) el.setAttribute(k, v);
  if (t.tag !== 'br') for (const c of t.children) build(c, el);
  parent.appendChild(el);
}

describe('scanning generated trees', () => {
  it('never throws, never mutates, and every range covers exactly the reported text', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 6 }), (children) => {
        const body = document.createElement('div');
        for (const c of children) build(c, body);
        document.body.replaceChildren(body);
        const before = body.innerHTML;
        const refs = scanBody(body, matcher);
        expect(body.innerHTML).toBe(before);
        const { text } = readBodyText(body);
        const found = matcher.find(text);
        expect(refs.length).toBe(found.length);
        for (const ref of refs) {
          expect(toRange(ref).toString()).toBe(ref.text);
          // Never inside what is not scanned.
          expect(ref.startNode.parentElement?.closest('textarea, code, pre, [contenteditable="true"], [role="textbox"]')).toBeNull();
        }
      }),
      { numRuns: 1500 },
    );
  });
});
