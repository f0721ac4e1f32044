/**
 * The built manifests ask for exactly these permissions and hosts, and no more: a new permission
 * must be added here on purpose (and explained in README.md and PRIVACY.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputDir } from '../../scripts/paths';

const FORUMS = [
  'https://lesswrong.com/*',
  'https://www.lesswrong.com/*',
  'https://forum.effectivealtruism.org/*',
  'https://alignmentforum.org/*',
  'https://www.alignmentforum.org/*',
  'https://www.greaterwrong.com/*',
  'https://ea.greaterwrong.com/*',
];
const manifest = (build: string) => JSON.parse(readFileSync(join(outputDir, build, 'manifest.json'), 'utf8'));

describe.each(['chrome-mv3', 'firefox-mv3'])('%s manifest', (build) => {
  const m = manifest(build);
  it('asks for storage, scripting, alarms and the forums; the rest only when used', () => {
    expect(m.manifest_version).toBe(3);
    expect([...m.permissions].sort()).toEqual(['alarms', 'scripting', 'storage']);
    expect([...m.host_permissions].sort()).toEqual([...FORUMS].sort());
    expect(m.optional_permissions).toEqual(['notifications']);
    expect(m.optional_host_permissions).toEqual(['https://*/*']);
    expect(m.web_accessible_resources).toBeUndefined();
  });
  it('runs its content script on the forums only', () => {
    expect(m.content_scripts).toHaveLength(1);
    expect([...m.content_scripts[0].matches].sort()).toEqual([...FORUMS].sort());
    expect(m.content_scripts[0].all_frames).toBeFalsy();
  });
});

describe('firefox-mv2 manifest', () => {
  const m = manifest('firefox-mv2');
  it('asks for storage, scripting, alarms and the forums; the rest only when used', () => {
    expect(m.manifest_version).toBe(2);
    expect([...m.permissions].sort()).toEqual(['alarms', 'scripting', 'storage', ...FORUMS].sort());
    expect([...m.optional_permissions].sort()).toEqual(['https://*/*', 'notifications']);
    expect(m.web_accessible_resources).toBeUndefined();
    expect([...m.content_scripts[0].matches].sort()).toEqual([...FORUMS].sort());
  });
});

describe.each(['firefox-mv2', 'firefox-mv3'])('%s for addons.mozilla.org', (build) => {
  it('has a gecko id and declares that it collects no data', () => {
    const gecko = manifest(build).browser_specific_settings.gecko;
    expect(gecko.id).toMatch(/@/);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });
});
