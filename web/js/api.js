// The JSON API. Errors carry the server's sentence, its stable code and parameters (shown in the page's
// language by errorText in i18n.js); a 401 sends the user to the log-in page.

export class ApiError extends Error {
  constructor(status, message, details, code, params) {
    super(message);
    this.status = status;
    this.details = details || {};
    this.code = code || null;
    this.params = params || {};
  }

  /** The error of a JSON error body ({error, code, params, details}) answered with this status. */
  static of(status, body, fallback) {
    const b = body || {};
    return new ApiError(status, b.error || fallback, b.details, b.code, b.params);
  }
}

export async function api(method, path, body) {
  const init = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
  // Every change is JSON, even without a body: the server refuses other types (docs/security.md).
  if (method !== 'GET') init.headers['Content-Type'] = 'application/json';
  if (body !== undefined) init.body = JSON.stringify(body);
  return answer(await fetch(path, init));
}

/** Sends a form (a file and its options) as a multipart POST; answers as {@link api} does. */
export async function postForm(path, form) {
  return answer(await fetch(path, { method: 'POST', body: form, credentials: 'same-origin', headers: { Accept: 'application/json' } }));
}

/** The JSON of an answer, or its refusal as an ApiError (with the status text when the body is not the error shape). */
async function answer(res) {
  if (res.status === 204) return null;
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (e) {
    if (res.ok) throw e;
  }
  if (!res.ok) throw ApiError.of(res.status, data, res.statusText);
  return data;
}

export const get = (path) => api('GET', path);

/** Goes to the log-in page, which comes back here afterwards; never settles. */
function toLogIn() {
  location.assign('index.html?next=' + encodeURIComponent(location.pathname.replace(/^\//, '') + location.search));
  return new Promise(() => {});
}

/** Loads what a page needs; on 401 goes to the log-in page and comes back afterwards. */
export async function requireLogin(load) {
  try {
    return await load();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return toLogIn();
    throw e;
  }
}

/**
 * The logged-in user, or (nobody logged in) off to the log-in page. Asks /api/session, which answers
 * 200 either way, so a page's check leaves no error in the browser's console.
 */
export async function currentUser() {
  const session = await get('/api/session');
  return session.loggedIn ? session.user : toLogIn();
}
