// The API client: the stage's API address comes from /config.json (written at deploy; '' locally, where the
// pages and the API share an origin). Errors arrive as {"error": {"code", "message"}}.

let config;

/** `{ apiUrl, stage, auth? }`, fetched once. */
export function loadConfig() {
  config ??= fetch('/config.json').then((response) => {
    if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
    return response.json();
  });
  return config;
}

export class ApiError extends Error {
  constructor(status, code, message, body) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

/** Endpoints still being built answer 501 NOT_IMPLEMENTED (or are not routed yet: 404 ROUTE_NOT_FOUND). */
export const notBuiltYet = (error) =>
  error instanceof ApiError &&
  ((error.status === 501 && error.code === 'NOT_IMPLEMENTED') || error.code === 'ROUTE_NOT_FOUND');

/**
 * A request function bound to a session. `token()` gives the bearer token (or nothing); `onUnauthorized`
 * hears about a 401 before the error is thrown.
 */
export function createClient({ token = () => undefined, onUnauthorized } = {}) {
  return async function request(method, path, body, { signal } = {}) {
    const { apiUrl = '' } = await loadConfig();
    const headers = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const bearer = token();
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    let response;
    try {
      response = await fetch(`${apiUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (error?.name === 'AbortError') throw error;
      throw new ApiError(0, 'NETWORK_ERROR', 'The service could not be reached.', undefined);
    }
    const text = await response.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!response.ok) {
      const error = new ApiError(
        response.status,
        data?.error?.code ?? `HTTP_${response.status}`,
        data?.error?.message ?? data?.message ?? response.statusText,
        data,
      );
      if (response.status === 401) onUnauthorized?.(error);
      throw error;
    }
    return data;
  };
}

/** A fresh id for a message; the same id is sent again on a retry, so a message is stored once. */
export function newClientMessageId() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
