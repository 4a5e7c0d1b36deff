// The parents' app's router (../shared/router) below /app ("/children/c1/plans"); the
// service worker answers every /app/* with index.html offline too, so a reload keeps the page.
import { createRouter } from '../shared/router';

export { match, type Location } from '../shared/router';

export const kBase = '/app';
export const { navigate, go, useLocation, Link } = createRouter(kBase);
