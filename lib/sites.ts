/**
 * Where the extension runs and what it reads there: the forums' hosts and DOM selectors, in one
 * place, as data. `test/unit/sites.test.ts` checks the format; the end-to-end fixtures in
 * `test/fixtures/` are pages shaped like each site and must be matched by these selectors.
 *
 * LessWrong, the EA Forum and the Alignment Forum run ForumMagnum (class names `Component-key`,
 * stable, no hashes). GreaterWrong is a server-rendered alternative front end to LessWrong and
 * the EA Forum.
 */

export interface SiteConfig {
  id: string;
  label: string;
  hosts: string[];
  /** The post's body. With the title it makes one context unit for the matcher. */
  post: string;
  /** Comment (and answer) bodies: each one is a context unit. */
  comments: string;
  /** The post's title (scanned too). */
  titles: string;
  /**
   * Elements inside bodies where the site shows its own hover previews (links to posts, tags,
   * users; glossary terms): no card of ours there.
   */
  ownPreviews: string;
}

const FORUM_MAGNUM = {
  post: '#postContent',
  comments: '.CommentBody-root, .ContentStyles-answerBody',
  titles: 'h1.PostsPageTitle-root',
  ownPreviews:
    'a[href*="/posts/"], a[href*="/tag/"], a[href*="/w/"], a[href*="/s/"], a[href*="/users/"], a[href*="/sequences/"], [class*="JargonTooltip"], [class*="LinkPostMessage"]',
};

export const SITES: SiteConfig[] = [
  { id: 'lesswrong', label: 'LessWrong', hosts: ['lesswrong.com', 'www.lesswrong.com'], ...FORUM_MAGNUM },
  { id: 'eaforum', label: 'EA Forum', hosts: ['forum.effectivealtruism.org'], ...FORUM_MAGNUM },
  {
    id: 'alignmentforum',
    label: 'Alignment Forum',
    hosts: ['alignmentforum.org', 'www.alignmentforum.org'],
    ...FORUM_MAGNUM,
  },
  {
    id: 'greaterwrong',
    label: 'GreaterWrong',
    hosts: ['www.greaterwrong.com', 'ea.greaterwrong.com'],
    post: 'main.post div.body-text.post-body',
    comments: 'div.comment div.body-text.comment-body',
    titles: 'h1.post-title',
    ownPreviews: 'a[href*="/posts/"], a[href*="/tag/"], a[href*="/users/"], a[href*="/s/"]',
  },
];

/**
 * Never scanned, wherever they appear: editors and form fields (the reader's drafts), code, and
 * the page's chrome. Tag names (upper case for HTML, as `Element.tagName` gives them) plus any
 * element that is editable or acts as a text box.
 */
export const NEVER_SCAN_TAGS = new Set([
  'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'CODE', 'PRE', 'KBD', 'SAMP', 'SCRIPT', 'STYLE', 'NOSCRIPT',
  'TEMPLATE', 'svg', 'math', 'NAV', 'BUTTON', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO',
]);

/** Elements the reader can type into (besides form fields). */
export const EDITABLE_SELECTOR = '[contenteditable]:not([contenteditable="false"]), [role="textbox"]';

export function isEditable(el: Element): boolean {
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return el.getAttribute('role') === 'textbox';
}

/** Tags whose start begins a new line of text, so words on either side are not glued together. */
export const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI',
  'MAIN', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TD', 'TH', 'TR', 'UL', 'IMG',
]);

/** Every element the extension scans on a site: the post, its title and the comments. */
export function scannedSelector(site: SiteConfig): string {
  return `${site.post}, ${site.titles}, ${site.comments}`;
}

/**
 * More text of the same context unit as `el`: the post's body for its title, the title for the
 * post's body; nothing for a comment (it is its own unit).
 */
export function unitContext(site: SiteConfig, el: Element): string {
  const doc = el.ownerDocument;
  if (el.matches(site.titles)) return doc.querySelector(site.post)?.textContent ?? '';
  if (el.matches(site.post)) return doc.querySelector(site.titles)?.textContent ?? '';
  return '';
}

/**
 * Sites the reader adds in the options (any https host, with its permission). Nothing is known
 * about their markup, so the bodies are the page's main content: the outermost `article`, `main`
 * or `[role=main]` elements (outermost only, so no text is scanned twice), or the whole `body`
 * when the page has none of them. Navigation, forms, editors and code are skipped inside bodies
 * as everywhere (NEVER_SCAN_TAGS). No titles or comments apart from that, and no previews of the
 * site's own to stay out of (`:not(*)` matches nothing).
 */
const MAIN_CONTENT = 'article, main, [role=main]';
export const GENERIC_SITE: SiteConfig = {
  id: 'extra',
  label: 'this site',
  hosts: [],
  post: `:is(${MAIN_CONTENT}):not(:is(${MAIN_CONTENT}) *), body:not(:has(${MAIN_CONTENT}))`,
  comments: ':not(*)',
  titles: ':not(*)',
  ownPreviews: ':not(*)',
};

export const FORUM_MATCHES = SITES.flatMap((s) => s.hosts.map((h) => `https://${h}/*`));

/** The optional host permission extra sites are granted from (one host at a time). */
export const EXTRA_SITE_MATCH = 'https://*/*';

/** The match pattern of one extra site. */
export function extraSiteMatch(host: string): string {
  return `https://${host}/*`;
}

/**
 * The site config for a host: one of the forums, else the generic config when the reader added
 * the host as an extra site, else none (the content script does nothing).
 */
export function siteForHost(host: string, extraHosts: readonly string[] = []): SiteConfig | undefined {
  return SITES.find((s) => s.hosts.includes(host)) ?? (extraHosts.includes(host) ? GENERIC_SITE : undefined);
}
