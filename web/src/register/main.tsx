// Entry of the public pre-registration form (/register/?org=ORG): no sign-in, no service
// worker; the shared styles, its own phone-first styles, and the page.
import { render } from 'preact';
import '../shared/ui/ui.css';
import './register.css';
import { RegisterApp } from './app';

render(<RegisterApp />, document.getElementById('root')!);
