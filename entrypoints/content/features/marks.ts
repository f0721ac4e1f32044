/** Marks mentions on or near the screen (CSS Custom Highlight API; nothing added to the DOM). */
import { MentionMarks } from '../../../lib/dom/highlights';
import type { Feature } from './index';

export const marks: Feature = {
  id: 'marks',
  init(page) {
    const m = new MentionMarks(page.index, {
      style: page.settings.highlightStyle,
      firstMentionOnly: page.settings.firstMentionOnly,
    });
    const off = page.index.onChange((body, added, removed) => m.update(body, added, removed));
    return () => {
      off();
      m.destroy();
    };
  },
};
