// The hub page's login, as on the dashboard: a token from the address bar (?token=…, the login URL
// 'posegate hub' prints) or typed into the form goes once to POST /api/login, which answers with an HttpOnly,
// SameSite=Strict cookie; the page never keeps the token. A failed login's message stays in #login-status
// (the fleet's polls write #summary) until a login succeeds.
import { getJson, sendJson } from '../js/api.js';

const $ = (id) => document.getElementById(id);

/** Shows the login form (the API answered 401/403). */
export function askForLogin() {
  $('login-form').hidden = false;
}

async function login(token) {
  try {
    const who = await sendJson('POST', '/api/login', { token });
    $('login-status').textContent = '';
    return who;
  } catch (e) {
    $('login-status').textContent = `Login failed: ${e.message}`;
    return null;
  }
}

async function showSession() {
  let s;
  try {
    s = await getJson('/api/session');
  } catch (e) {
    return; // the polls say what is wrong with the hub
  }
  const named = s.role && s.name !== 'anonymous';
  $('who').textContent = s.role ? `${s.role}${named ? ` (${s.name})` : ''}` : 'not logged in';
  $('login-form').hidden = s.role === 'admin' && named;
  $('logout').hidden = !named;
}

/** Logs in from the address bar if it carries a token, shows who we are, and wires the form; onChange after each change. */
export async function startSession(onChange) {
  const url = new URL(location.href);
  const token = url.searchParams.get('token');
  if (token) {
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    await login(token);
  }
  await showSession();
  $('login-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const input = $('login-token');
    if (await login(input.value.trim())) {
      input.value = '';
      await showSession();
      onChange();
    }
  });
  $('logout').addEventListener('click', async () => {
    await sendJson('POST', '/api/logout', {}).catch(() => {});
    await showSession();
    onChange();
  });
}
