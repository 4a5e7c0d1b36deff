// Entry of the admin web app (/admin/).
import { render } from 'preact';
import '../shared/ui/ui.css';
import './admin.css';
import { App } from './app';

render(<App />, document.getElementById('root')!);
