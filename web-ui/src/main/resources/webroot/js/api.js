// Small helpers over the gateway's JSON API. Every call rejects with an Error whose message is the
// API's own {"error": ...} text when it sends one.

export async function getJson(path) {
  const r = await fetch(path, { cache: 'no-store' });
  return decode(r, path);
}

export async function sendJson(method, path, body) {
  const r = await fetch(path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return decode(r, path);
}

async function decode(r, path) {
  const text = await r.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (!r.ok) {
    const msg = json && json.error ? json.error : `${r.status} ${r.statusText}`;
    const err = new Error(msg);
    err.status = r.status;
    err.body = json;
    throw err;
  }
  return json;
}
