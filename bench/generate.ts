/**
 * Forum-shaped pages for the benchmark: a LessWrong post with N nested comments in ForumMagnum's
 * markup, about one program mention per three comments plus decoys (words that look like names
 * but are not), deterministic for a given N.
 */

/** Deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the of and to a in that is for it as was with be by on not this are or his from at which but have an they ' +
  'you were her all she there would their we him been has when who will more no if out so said what up its about ' +
  'into than them can only other new some could time these two may then do first any my now such like our over ' +
  'man me even most made after also did many before must through back years where much your way well down should ' +
  'because each just those people how too little state good very make world still own see men work long get here ' +
  'between both life being under never day same another know while last might us great old year off come since ' +
  'against go came right used take three alignment model models training research agent agents reward policy ' +
  'interpretability evaluation evidence argument claim think probably believe update prior posterior inner outer ' +
  'optimizer deception corrigibility capabilities scaling compute governance forecast timelines safety risk'
).split(' ');

const MENTIONS = [
  'I did MATS last winter and the weekly mentor meetings were the best part.',
  'SPAR was a much better fit for me than a full-time program.',
  'AI Safety Camp gave me my first research team.',
  'ARENA 5.0 covered interpretability and evals in four weeks.',
  'PIBBSS brings in people from biology and the social sciences.',
  'The BlueDot Impact course is where most people start.',
  'Refine, the incubator Conjecture ran, needed fewer mentors.',
  'I was accepted to the Astra Fellowship at Constellation.',
  'SERI MATS scholars went on to do great work.',
  'The CAIS Philosophy Fellowship reached philosophers.',
  'MLAB2 was the last iteration of the bootcamp.',
  'AISC10 had more projects than ever.',
];

const DECOYS = [
  'Refine your argument before posting.',
  'It was a pivotal moment for the field.',
  'Chatbot Arena rankings are noisy.',
  'Project Astra demos were impressive.',
  'We sat on yoga mats during the retreat.',
  'A new era of scaling has begun.',
  'Apart from that, I agree.',
  'They spar about timelines every week.',
];

function sentence(rand: () => number): string {
  const n = 8 + Math.floor(rand() * 14);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(WORDS[Math.floor(rand() * WORDS.length)]!);
  const s = words.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function paragraph(rand: () => number, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(rand));
  return out.join(' ');
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export interface GeneratedPage {
  html: string;
  comments: number;
  /** Mentions planted (true ones), for a sanity check. */
  planted: number;
}

function commentHtml(rand: () => number, id: string, withMention: boolean, withDecoy: boolean): string {
  const paragraphs = 1 + Math.floor(rand() * 3);
  const ps: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    let text = paragraph(rand, 2 + Math.floor(rand() * 3));
    if (p === 0 && withMention) text = `${text} ${MENTIONS[Math.floor(rand() * MENTIONS.length)]}`;
    if (p === paragraphs - 1 && withDecoy) text = `${DECOYS[Math.floor(rand() * DECOYS.length)]} ${text}`;
    const emphasised = escape(text).replace(/\b(model|evidence|alignment)\b/, '<em>$1</em>');
    ps.push(rand() < 0.1 ? `<blockquote><p>${emphasised}</p></blockquote>` : `<p>${emphasised}</p>`);
  }
  return (
    `<div class="CommentFrame-root"><div class="CommentsItem-root"><div class="CommentsItem-postTitleRow"></div>` +
    `<div class="CommentsItemMeta-root"><span class="CommentsItemMeta-username"><a href="/users/user-${id}">user_${id}</a></span>` +
    `<span class="CommentsItemDate-root"><a href="#${id}">${1 + Math.floor(rand() * 11)}mo</a></span>` +
    `<span class="OverallVoteAxis-vote"><button class="VoteArrowIcon-root" aria-label="upvote"></button>` +
    `<span class="OverallVoteAxis-voteScore">${Math.floor(rand() * 40)}</span>` +
    `<button class="VoteArrowIcon-root" aria-label="downvote"></button></span></div>` +
    `<div class="CommentsItem-body"><div class="CommentBody-root ContentStyles-base ContentStyles-commentBody"><div>${ps.join('')}</div></div></div>` +
    `<div class="CommentBottom-bottom"><a class="CommentsItem-replyLink">Reply</a></div></div></div>`
  );
}

/** A post with `n` comments, nested up to five deep. */
export function forumPage(n: number, seed = 7): GeneratedPage {
  const rand = random(seed * 1000 + n);
  let planted = 0;
  const comments: string[] = [];
  let depth = 0;
  for (let i = 0; i < n; i++) {
    const withMention = i % 3 === 0;
    if (withMention) planted++;
    const body = commentHtml(rand, `c${i}`, withMention, i % 5 === 2);
    // Nest: open a child thread, stay, or close back up.
    const r = rand();
    if (r < 0.45 && depth < 5) {
      comments.push(`<div class="comments-node" id="c${i}">${body}`);
      depth++;
    } else {
      comments.push(`<div class="comments-node" id="c${i}">${body}</div>`);
      if (r > 0.75 && depth > 0) {
        comments.push('</div>');
        depth--;
      }
    }
  }
  while (depth-- > 0) comments.push('</div>');
  const post = [0, 1, 2, 3, 4].map(() => `<p>${escape(paragraph(rand, 5))}</p>`).join('');
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench post — LessWrong</title>` +
    `<style>body{margin:0;font-family:Georgia,serif;background:#f8f4ee}.Layout-main{max-width:720px;margin:0 auto;padding:24px}` +
    `.comments-node{border:1px solid #e6e3dd;background:#fff;margin:8px 0 8px 8px;padding:6px 10px}` +
    `.ContentStyles-base{line-height:1.55}.CommentsItemMeta-root{font:13px sans-serif;color:#777}</style></head>` +
    `<body><div id="__next"><div class="Header-root"><nav>LessWrong</nav></div><div class="Layout-main"><div class="PostsPage-root">` +
    `<h1 class="PostsPageTitle-root"><a href="/posts/bench/post">Mentorship programs, compared</a></h1>` +
    `<div id="postBody"><div id="postContent" class="PostsPage-postContent ContentStyles-base content ContentStyles-postBody"><div>` +
    `<p>${escape(MENTIONS[0]!)}</p>${post}</div></div></div>` +
    `<div class="CommentsListSection-root">${comments.join('')}</div></div></div></div>` +
    `<script>window.__appendComments = function (html) { var d = document.createElement('div'); d.innerHTML = html; ` +
    `var list = document.querySelector('.CommentsListSection-root'); while (d.firstChild) list.appendChild(d.firstChild); };</script>` +
    `</body></html>`;
  return { html, comments: n, planted: planted + 1 };
}

/** `n` more comments (for the incremental measurement), as HTML to append. */
export function moreComments(n: number, seed = 99): string {
  const rand = random(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(`<div class="comments-node" id="x${i}">${commentHtml(rand, `x${i}`, i % 3 === 0, i % 5 === 2)}</div>`);
  }
  return out.join('');
}

/**
 * Alias lists of a given size for the matcher benchmark, shaped like real program names: mostly
 * acronyms ("MATS", "AISC"), some with edition numbers, capitalised names ("Astra Fellowship"), and
 * a few case-insensitive full names. The 50-alias list is the first 50 of the 1,000.
 */
export function syntheticAliases(
  count: number,
  seed = 3,
): { id: string; aliases: { text: string; case?: 'insensitive'; editions?: boolean }[] }[] {
  const rand = random(seed);
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const nouns = ['Fellowship', 'Research Program', 'Scholars', 'Camp', 'Lab', 'Initiative', 'Accelerator', 'Bootcamp', 'Institute', 'Academy'];
  const stems = ['Aurora', 'Beacon', 'Cascade', 'Delta', 'Ember', 'Fjord', 'Granite', 'Harbor', 'Isles', 'Juniper', 'Kestrel', 'Lumen', 'Meridian', 'Nimbus', 'Orchid', 'Prism', 'Quarry', 'Ridge', 'Summit', 'Tundra', 'Umber', 'Vertex', 'Willow', 'Xenon', 'Yonder', 'Zephyr'];
  const programs: { id: string; aliases: { text: string; case?: 'insensitive'; editions?: boolean }[] }[] = [];
  const seen = new Set<string>();
  while (programs.length < count) {
    const kind = rand();
    let alias: { text: string; case?: 'insensitive'; editions?: boolean };
    if (kind < 0.6) {
      const len = 3 + Math.floor(rand() * 4);
      alias = { text: Array.from({ length: len }, () => letters[Math.floor(rand() * 26)]).join(''), editions: rand() < 0.3 };
    } else {
      const text = `${stems[Math.floor(rand() * stems.length)]} ${nouns[Math.floor(rand() * nouns.length)]}${rand() < 0.5 ? ` ${letters[Math.floor(rand() * 26)]}${letters[Math.floor(rand() * 26)]}` : ''}`;
      alias = kind < 0.9 ? { text } : { text, case: 'insensitive' };
    }
    if (seen.has(alias.text.toLowerCase())) continue;
    seen.add(alias.text.toLowerCase());
    programs.push({ id: `p${programs.length}`, aliases: [alias] });
  }
  return programs;
}
