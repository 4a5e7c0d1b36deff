// Entry of the kiosk page (/kiosk/).
import { render } from 'preact';
import '../shared/ui/ui.css';
import './kiosk.css';
import { App } from './app';

render(<App />, document.getElementById('root')!);
