/** The matcher's rules, one behaviour at a time, on a small dataset of its own. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import dataset from 'virtual:dataset';
import { buildMatcher, type MatcherProgramInput } from '../../lib/match/build';
import { createMatcher } from '../../lib/match/match';

const programs: MatcherProgramInput[] = [
  { id: 'mats', aliases: [{ text: 'MATS', editions: true }, 'SERI MATS', { text: 'ML Alignment & Theory Scholars', case: 'insensitive' }], veto: ['yoga MATS'] },
  { id: 'refine', aliases: [{ text: 'Refine', ambiguous: true }], context: ['Conjecture'] },
  { id: 'arena', aliases: [{ text: 'ARENA', editions: true }], veto: ['Chatbot Arena'] },
  { id: 'astra', aliases: [{ text: 'Astra Fellowship', case: 'insensitive' }, { text: 'Astra', ambiguous: true }], veto: ['Project Astra'] },
  { id: 'era', aliases: [{ text: 'ERA', ambiguous: true }] },
  { id: 'aisc', aliases: [{ text: 'AI Safety Camp', editions: true }, { text: 'AI safety camp', case: 'insensitive', ambiguous: true }, { text: 'AISC', editions: true }] },
  { id: 'govai-fellowship', aliases: [{ text: 'GovAI', followed_by: ['fellowship', 'summer fellowship'] }] },
];
const m = createMatcher(buildMatcher(programs));
const found = (text: string) => m.find(text).map((x) => `${x.program}:${x.text}`);

describe('names and their spellings', () => {
  it('matches whole words only, case-sensitively where the alias says so', () => {
    expect(found('MATS scholars')).toEqual(['mats:MATS']);
    expect(found('mats on the floor, Mats Andersson, MATSx, xMATS')).toEqual([]);
  });

  it('accepts possessives without including them', () => {
    expect(found("MATS's mentors, MATS’ alumni and MATS’s")).toEqual(['mats:MATS', 'mats:MATS', 'mats:MATS']);
  });

  it('accepts hyphens and odd spaces between the words of a name', () => {
    expect(found('SERI-MATS and SERI\u00a0MATS')).toEqual(['mats:SERI-MATS', 'mats:SERI\u00a0MATS']);
  });

  it('prefers the longest name', () => {
    expect(found('the Astra Fellowship at Constellation')).toEqual(['astra:Astra Fellowship']);
    expect(found('I did SERI MATS')).toEqual(['mats:SERI MATS']);
  });

  it('reads edition numbers where the alias takes them, and only there', () => {
    expect(found('AISC10, AISC 9, ARENA 5.0, MATS 8.0 and AI Safety Camp 11')).toEqual([
      'aisc:AISC10', 'aisc:AISC 9', 'arena:ARENA 5.0', 'mats:MATS 8.0', 'aisc:AI Safety Camp 11',
    ]);
    expect(found('the MATS 2024 cohort')).toEqual(['mats:MATS']);
    expect(found('ERA5 reanalysis data, and the ERA fellowship')).toEqual(['era:ERA']);
  });

  it('matches case-insensitive aliases in any case after a capital', () => {
    expect(found('the ML alignment & theory scholars program')).toEqual(['mats:ML alignment & theory scholars']);
    expect(found('the Ml Alignment & Theory Scholars program')).toEqual(['mats:Ml Alignment & Theory Scholars']);
  });

  it('never matches names written all in lower case', () => {
    expect(found('the ml alignment & theory scholars program, seri mats, arena')).toEqual([]);
  });
});

describe('ambiguous names', () => {
  it('need support from the same text', () => {
    expect(found('Refine was small.')).toEqual([]);
    expect(found('Refine was small. Conjecture ran it.')).toEqual(['refine:Refine']);
    expect(found('I did MATS, then Refine.')).toEqual(['mats:MATS', 'refine:Refine']);
    expect(found('The ERA fellows met in Cambridge.')).toEqual(['era:ERA']);
    expect(found('I did ERA in 2023.')).toEqual(['era:ERA']);
  });

  it('are refused where used as ordinary words', () => {
    expect(found('Refine your argument before applying to MATS.')).toEqual(['mats:MATS']);
    expect(found('Refine the proposal. Conjecture agrees.')).toEqual([]);
  });

  it('can get support from context outside the text (a title from its post)', () => {
    expect(m.find('What I Learned Running Refine', 'Conjecture hosted the incubator.').map((x) => x.text)).toEqual(['Refine']);
  });

  it('are refused in parallel constructions of the ordinary noun', () => {
    expect(found('the AI safety camp vs the accelerationist camp, at MATS')).toEqual(['mats:MATS']);
    expect(found('I did AI Safety Camp')).toEqual(['aisc:AI Safety Camp']);
  });
});

describe('vetoes and other meanings', () => {
  it('never marks inside a veto phrase', () => {
    expect(found('Chatbot Arena rankings; Project Astra demos; yoga MATS')).toEqual([]);
    expect(found('ARENA is not Chatbot Arena')).toEqual(['arena:ARENA']);
  });

  it('refuses an acronym the text spells out as something else', () => {
    expect(found('The American Institute of Steel Construction (AISC) publishes codes.')).toEqual([]);
    expect(found('AISC (American Institute of Steel Construction) codes')).toEqual([]);
    expect(found('ML Alignment & Theory Scholars (MATS)')).toEqual(['mats:ML Alignment & Theory Scholars', 'mats:MATS']);
  });

  it('refuses a name glossed as another kind of thing', () => {
    expect(found('the supermarket chain ARENA; the goddess Astra')).toEqual([]);
  });

  it('matches an organisation name only when the program word follows', () => {
    expect(found('GovAI published a report')).toEqual([]);
    expect(found("the GovAI fellowship and GovAI's summer fellowship")).toEqual(['govai-fellowship:GovAI', 'govai-fellowship:GovAI']);
  });
});

describe('properties (fast-check)', () => {
  const real = createMatcher(dataset.matcher);
  const aliasTexts = dataset.matcher.aliases.map((a) => a.text);
  const forumish = fc.array(
    fc.oneof(
      fc.constantFrom(...aliasTexts),
      fc.constantFrom(' ', ', ', '. ', "'s ", '’s ', '-', '\n', ' (', ') ', '5.0 ', '10 ', ' the ', ' refine ', 'é', '🙂', '\u0301', '\u00a0'),
      fc.string({ maxLength: 8 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    ),
    { maxLength: 40 },
  ).map((parts) => parts.join(''));

  it('reports offsets in bounds whose slice is the reported text, in order, never overlapping', () => {
    fc.assert(
      fc.property(forumish, (text) => {
        const ms = real.find(text);
        let last = 0;
        for (const x of ms) {
          expect(x.start).toBeGreaterThanOrEqual(last);
          expect(x.end).toBeGreaterThan(x.start);
          expect(x.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(x.start, x.end)).toBe(x.text);
          last = x.end;
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on any Unicode input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 100 }), (text, ctx) => {
        real.find(text, ctx);
      }),
      { numRuns: 3000 },
    );
  });
});
