import { render } from 'preact';
import { Popup } from '../../components/Popup';
import '../../components/page.css';

// `popup.html?tab=<id>` reports on that tab instead of the active one (the popup opened in a tab
// of its own, as the browser tests do: that tab is then the active one).
const tab = Number(new URLSearchParams(location.search).get('tab') ?? NaN);

render(<Popup tabId={Number.isSafeInteger(tab) && tab >= 0 ? tab : undefined} />, document.getElementById('app')!);
