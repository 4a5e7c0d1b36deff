// The admin's router (../shared/router) below /admin: go("/families/f1"), <Link to="/staff">,
// navigate("/admin/staff") with a whole path, useLocation() with the path below /admin.
import { createRouter } from '../shared/router';

export { match, type Location } from '../shared/router';

export const kBase = '/admin';
export const { navigate, go, useLocation, Link } = createRouter(kBase);
