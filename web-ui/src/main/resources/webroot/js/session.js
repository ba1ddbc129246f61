// Login. A token from the address bar (?token=…, the login URL 'posegate run' prints) or typed into the
// login form is sent once to POST /api/login, which answers with an HttpOnly, SameSite=Strict cookie:
// the page itself never keeps the token. GET /api/session says who we are and whether the gateway runs
// insecure.
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
  const s = await getJson('/api/session');
  who.textContent = s.role ? `${s.role}${s.name && s.name !== 'anonymous' ? ` (${s.name})` : ''}` : 'not logged in';
  form.hidden = s.role === 'admin' && s.name !== 'anonymous';
  logout.hidden = !s.role || s.name === 'anonymous';
  document.getElementById('insecure-badge').hidden = !s.insecure;
  if (s.insecure) document.getElementById('insecure-note').hidden = false;
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
  window.posegate.session = s;
  return s;
}
