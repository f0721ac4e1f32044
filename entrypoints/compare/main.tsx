import { render } from 'preact';
import { Compare } from '../../components/Compare';
import '../../components/page.css';

render(<Compare />, document.getElementById('app')!);
