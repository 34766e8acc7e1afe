// The JSON API of `warta serve` (docs/api.md). Paths are relative to the page, so the dashboard
// works at `/` and behind a reverse proxy under a prefix alike.
import { el } from './dom.js';

export class ApiError extends Error {
  constructor(status, message, path) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.path = path;
  }
}

/** GET api/<path>?<params>; resolves to the parsed JSON, rejects with an ApiError. */
export async function api(path, params) {
  const query = new URLSearchParams();
  if (params) {
    for (const [k, v] of Object.entries(params)) {
      if (v === null || v === undefined || v === '') continue;
      query.set(k, String(v));
    }
  }
  const qs = query.toString();
  const rel = `api/${path}${qs ? `?${qs}` : ''}`;
  let response;
  try {
    response = await fetch(rel, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, `the server could not be reached (${e.message})`, rel);
  }
  let body = null;
  const type = response.headers.get('content-type') || '';
  if (type.includes('json')) {
    try {
      body = await response.json();
    } catch {
      body = null;
    }
  }
  if (!response.ok) {
    const what = body && typeof body.error === 'string' ? body.error : response.statusText || 'request failed';
    throw new ApiError(response.status, what, rel);
  }
  if (body === null) throw new ApiError(response.status, 'the answer is not JSON', rel);
  return body;
}

/** The error of a failed request as a message box in the page. */
// Fetches `path` for a view. On failure the error is shown by `show(box)` and
// the view marked failed; null then, and also when the view was left meanwhile.
export async function loadForView(ctx, show, path, params) {
  try {
    const data = await api(path, params);
    return ctx.alive() ? data : null;
  } catch (err) {
    if (ctx.alive()) {
      show(errorBox(err));
      ctx.failed();
    }
    return null;
  }
}

export function errorBox(err) {
  const status = err instanceof ApiError && err.status ? `${err.status}: ` : '';
  const where = err instanceof ApiError ? ` (GET /${err.path})` : '';
  return el(
    'div',
    { class: 'msg msg-error', role: 'alert' },
    el('strong', null, err instanceof ApiError ? 'API error ' : 'Error '),
    `${status}${err && err.message ? err.message : String(err)}`,
    el('span', { class: 'muted' }, where),
  );
}

/**
 * A paginated list (`{items, limit, offset}`) rendered into `list`, with a "more" button that
 * asks for the next page. `renderItem(item)` returns a node. Resolves to true when the first page came, false on an error (shown).
 */
export function pagedList({ path, params = {}, limit = 50, list, footer, renderItem, empty = 'Nothing found.', ctx, onPage }) {
  let offset = 0;
  const more = el('button', { type: 'button', class: 'more' }, 'more');
  const status = el('span', { class: 'muted' });
  footer.append(more, status);
  more.hidden = true;

  async function load() {
    more.disabled = true;
    status.textContent = 'Loading…';
    try {
      const page = await api(path, { ...params, limit, offset });
      if (ctx && !ctx.alive()) return false;
      const items = Array.isArray(page.items) ? page.items : [];
      for (const item of items) list.append(renderItem(item));
      offset += items.length;
      status.textContent = '';
      if (offset === 0) footer.prepend(el('p', { class: 'muted empty' }, empty));
      more.hidden = items.length < limit;
      if (onPage) onPage(items, offset);
      return true;
    } catch (err) {
      if (ctx && !ctx.alive()) return false;
      status.textContent = '';
      footer.append(errorBox(err));
      return false;
    } finally {
      more.disabled = false;
    }
  }
  more.addEventListener('click', load);
  return load();
}
