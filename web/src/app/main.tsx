// Entry of the parents' app (/app/): renders it and registers the service worker
// (/app/sw.js, scope /app/), which keeps the app shell for offline start and shows push
// messages.
import { render } from 'preact';
import '../shared/ui/ui.css';
import './app.css';
import { App } from './app';

render(<App />, document.getElementById('root')!);

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch((err: unknown) => {
    // The app works without it (no offline start, no push); say why in the console only.
    console.warn('service worker not registered', err);
  });
}
