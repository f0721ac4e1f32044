/**
 * Fixture pages served at the real forum URLs (request interception), so the manifest's match
 * patterns fire with no network. Anything not listed here is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../../scripts/paths';

export const FIXTURES_DIR = join(projectRoot, 'test/fixtures');

/** URL → fixture file. */
export const PAGES: Record<string, string> = {
  'https://www.lesswrong.com/posts/fixture1/field-building': 'lesswrong-post.html',
  'https://forum.effectivealtruism.org/posts/fixture3/career-advice': 'eaforum-post.html',
  'https://www.alignmentforum.org/posts/fixture4/mentorship': 'alignmentforum-post.html',
  'https://www.greaterwrong.com/posts/fixture5/retrospective': 'greaterwrong-post.html',
  'https://example.org/blog/mats': 'other-site.html',
};

export function fixtureFor(url: string): string | undefined {
  const clean = url.split('#')[0]!.split('?')[0]!;
  const file = PAGES[clean];
  return file ? readFileSync(join(FIXTURES_DIR, file), 'utf8') : undefined;
}

export const LW_POST = 'https://www.lesswrong.com/posts/fixture1/field-building';
export const EA_POST = 'https://forum.effectivealtruism.org/posts/fixture3/career-advice';
export const AF_POST = 'https://www.alignmentforum.org/posts/fixture4/mentorship';
export const GW_POST = 'https://www.greaterwrong.com/posts/fixture5/retrospective';
export const OTHER_SITE = 'https://example.org/blog/mats';
