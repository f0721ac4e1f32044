/** "Turn off on this site" from the card: stored in settings; the session stops on the change. */
import { updateSettings } from '../../../lib/ext/settings-store';
import type { Feature } from './index';

export const siteToggle: Feature = {
  id: 'site-toggle',
  init(page) {
    const host = location.hostname;
    page.card.setActions({
      siteLabel: page.site.label,
      turnOffSite: () => {
        page.card.close();
        void updateSettings((s) => ({ ...s, disabledSites: [...s.disabledSites, host] }));
      },
    });
  },
};
