// The login, shared by the dashboard and the hub page. The login URL 'posegate run' or 'posegate hub' prints
// carries a single-use login code (?login=…); an older URL or bookmark may carry the token itself (?token=…). Either
// is taken out of the address bar (history.replaceState) and sent once to POST /api/login ({"code": …} or
// {"token": …}), as is a token typed into the login form; the answer is an HttpOnly, SameSite=Strict cookie: the
// page itself never keeps the token. The browser's history still holds the URL the page was opened with: a used
// code in it logs no one in, a token does (docs/security.md). GET /api/session says who we are and whether the
// server runs insecure. recheckSession() asks again, and says so when a login of ours has ended: the dashboard calls
// it when its socket reconnects, the hub page when a poll is refused or the hub is back after failing (a restarted
// gateway or hub has a new run token; a token may be removed from the config).
// The page has #who, #login-form, #login-token, #logout and #login-status; #insecure-badge and #insecure-note
// are optional.
import { getJson, sendJson } from './api.js';

const $ = (id) => document.getElementById(id);
let current = null;
let server = 'gateway';

const named = (s) => Boolean(s && s.role && s.name !== 'anonymous');

/** True while the page shows a login of its own (not anonymous): a refused request may mean it ended. */
export function loggedIn() {
  return named(current);
}

/** Logs in with `credentials`: {token} or {code}. */
async function login(credentials) {
  try {
    await sendJson('POST', '/api/login', credentials);
    $('login-status').textContent = '';
    return true;
  } catch (e) {
    $('login-status').textContent = `Login failed: ${e.message}`;
    return false;
  }
}

/**
 * Logs in from the address bar if it carries a login code or a token (and takes it out of the address), wires the form and
 * Log out, and shows the session (its answer is the result). After a login or logout through them, onChange
 * runs (default: reload the page). `name` is what the page talks to, for the "login ended" message. A failed login
 * from the address bar says nothing when the session already is a named admin login (a used login URL opened again).
 */
export async function startSession(onChange = () => location.reload(), name = 'gateway') {
  server = name;
  const url = new URL(location.href);
  const code = url.searchParams.get('login');
  const token = url.searchParams.get('token');
  let urlLoginFailed = false;
  if (code !== null || token !== null) {
    url.searchParams.delete('login');
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    if (code) urlLoginFailed = !(await login({ code }));
    else if (token) urlLoginFailed = !(await login({ token }));
  }
  $('login-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const input = $('login-token');
    if (await login({ token: input.value.trim() })) {
      input.value = '';
      current = null; // a new login: nothing ended
      await recheckSession().catch(() => {});
      onChange();
    }
  });
  $('logout').addEventListener('click', async () => {
    await sendJson('POST', '/api/logout', {}).catch(() => {});
    current = null; // logged out on purpose
    await recheckSession().catch(() => {});
    onChange();
  });
  const s = await recheckSession();
  // A used login URL opened again (from the history, say) while the cookie still logs us in as admin: nothing was
  // lost, so its "Login failed" is not shown.
  if (urlLoginFailed && s.role === 'admin' && named(s)) $('login-status').textContent = '';
  return s;
}

/** Reads GET /api/session and shows it: who we are, the login form unless logged in as admin, Log out. */
export async function recheckSession() {
  const s = await getJson('/api/session');
  $('who').textContent = s.role ? `${s.role}${named(s) ? ` (${s.name})` : ''}` : 'not logged in';
  $('login-form').hidden = s.role === 'admin' && named(s);
  $('logout').hidden = !named(s);
  for (const id of ['insecure-badge', 'insecure-note']) {
    if ($(id)) $(id).hidden = !s.insecure;
  }
  if (named(current) && !(s.role === current.role && s.name === current.name)) {
    $('login-status').textContent = `Your login ended (the ${server} restarted or the token was removed): log in again.`;
  }
  current = s;
  if (window.posegate) window.posegate.session = s;
  return s;
}
