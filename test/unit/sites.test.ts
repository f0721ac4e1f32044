// @vitest-environment happy-dom
/**
 * The forums' selectors are data (lib/sites.ts): their format, and that the stylesheet that
 * paints marks in Firefox names the same bodies.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORUM_MATCHES, GENERIC_SITE, scannedSelector, SITES, siteForHost } from '../../lib/sites';
import { projectRoot } from '../../scripts/paths';

const css = readFileSync(join(projectRoot, 'entrypoints/content/style.css'), 'utf8');

describe('site configs', () => {
  it('have unique ids, valid hosts and selectors the browser accepts', () => {
    expect(new Set(SITES.map((s) => s.id)).size).toBe(SITES.length);
    for (const site of [...SITES, GENERIC_SITE]) {
      for (const host of site.hosts) expect(host).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
      for (const selector of [site.post, site.comments, site.titles, site.ownPreviews, scannedSelector(site)]) {
        expect(() => document.querySelector(selector), `${site.id}: ${selector}`).not.toThrow();
      }
    }
  });

  it('are the hosts the manifest matches, and nothing else', () => {
    expect(FORUM_MATCHES.sort()).toEqual(SITES.flatMap((s) => s.hosts.map((h) => `https://${h}/*`)).sort());
    expect(siteForHost('www.lesswrong.com')?.id).toBe('lesswrong');
    expect(siteForHost('lesswrong.com.evil.example')).toBeUndefined();
    expect(siteForHost('example.org')).toBeUndefined();
    expect(siteForHost('example.org', ['example.org'])).toBe(GENERIC_SITE);
  });

  it('match a body of each kind in markup shaped like the site', () => {
    document.body.innerHTML =
      '<h1 class="PostsPageTitle-root">T</h1><div id="postContent">P</div>' +
      '<div class="comments-node"><div class="CommentBody-root ContentStyles-commentBody">C</div></div>';
    const lw = SITES.find((s) => s.id === 'lesswrong')!;
    expect([...document.querySelectorAll(scannedSelector(lw))].map((e) => e.textContent)).toEqual(['T', 'P', 'C']);
    document.body.innerHTML =
      '<main class="post"><h1 class="post-title">T</h1><div class="body-text post-body">P</div></main>' +
      '<div class="comment"><div class="body-text comment-body">C</div></div>';
    const gw = SITES.find((s) => s.id === 'greaterwrong')!;
    expect([...document.querySelectorAll(scannedSelector(gw))].map((e) => e.textContent)).toEqual(['T', 'P', 'C']);
  });

  it('are painted in Firefox: the stylesheet scopes its highlight rules to every body selector', () => {
    const firefox = css.slice(css.indexOf('@supports (-moz-appearance: none)'));
    const needed = SITES.flatMap((s) => [s.post, s.comments, s.titles])
      .flatMap((sel) => sel.split(','))
      .map((sel) => sel.trim().split(/\s+/).pop()!.replace(/^(main|div|h1)(?=[.#])/, ''))
      .map((sel) => sel.replace(/^\.body-text\.(post|comment)-body$/, '.body-text'));
    for (const sel of new Set(needed)) {
      for (const name of ['programs-lens-underline', 'programs-lens-background']) {
        expect(firefox, `${sel} ::highlight(${name})`).toContain(`${sel} ::highlight(${name})`);
      }
    }
  });
});
