// Login. A token from the address bar (?token=…, the login URL 'posegate run' prints) or typed into the
// login form is sent once to POST /api/login, which answers with an HttpOnly, SameSite=Strict cookie:
// the page itself never keeps the token (the browser's history does keep a login URL: docs/security.md).
// GET /api/session says who we are and whether the gateway runs insecure; recheckSession() asks again (the
// dashboard does when its socket reconnects: a restarted gateway has a new run token, so the old login is gone).
import { getJson, sendJson } from './api.js';

const form = document.getElementById('login-form');
const input = document.getElementById('login-token');
const who = document.getElementById('who');
const status = document.getElementById('login-status');
const logout = document.getElementById('logout');

async function login(token) {
  await sendJson('POST', '/api/login', { token });
}

export async function startSession() {
  const url = new URL(location.href);
  const token = url.searchParams.get('token');
  if (token) {
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    try { await login(token); } catch (e) { status.textContent = `Login failed: ${e.message}`; }
  }
  const s = await recheckSession();
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await login(input.value.trim());
      input.value = '';
      location.reload();
    } catch (e) {
      status.textContent = `Login failed: ${e.message}`;
    }
  });
  logout.addEventListener('click', async () => {
    await sendJson('POST', '/api/logout', {});
    location.reload();
  });
  return s;
}

/** Reads GET /api/session and shows it: who we are, the login form unless logged in as admin, log out. */
export async function recheckSession() {
  const s = await getJson('/api/session');
  const before = window.posegate.session;
  who.textContent = s.role ? `${s.role}${s.name && s.name !== 'anonymous' ? ` (${s.name})` : ''}` : 'not logged in';
  form.hidden = s.role === 'admin' && s.name !== 'anonymous';
  logout.hidden = !s.role || s.name === 'anonymous';
  document.getElementById('insecure-badge').hidden = !s.insecure;
  document.getElementById('insecure-note').hidden = !s.insecure;
  if (before && before.role === 'admin' && before.name !== 'anonymous' && !(s.role === 'admin' && s.name === before.name)) {
    status.textContent = 'Your login ended (the gateway restarted or the token was removed): log in again.';
  }
  window.posegate.session = s;
  return s;
}
