// @ts-check
// The API client: the stage's API address comes from /config.json (written at deploy; '' locally, where the
// pages and the API share an origin). Errors arrive as {"error": {"code", "message"}}. Paths and bodies are
// checked against docs/openapi.json (types.d.ts, api-types.d.ts).

/** @typedef {import('./types').PageConfig} PageConfig */
/** @typedef {import('./types').ApiRequest} ApiRequest */
/** @typedef {import('./types').ApiErrorBody} ApiErrorBody */

/** @type {Promise<PageConfig> | undefined} */
let config;

/**
 * `{ apiUrl, stage, auth? }`, fetched once.
 * @returns {Promise<PageConfig>}
 */
export function loadConfig() {
  config ??= fetch('/config.json').then((response) => {
    if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
    return response.json();
  });
  return config;
}

export class ApiError extends Error {
  /**
   * @param {number} status the HTTP status (0 when the service was not reached)
   * @param {string} code
   * @param {string} message
   * @param {ApiErrorBody | null | undefined} body
   */
  constructor(status, code, message, body) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

/**
 * Endpoints still being built answer 501 NOT_IMPLEMENTED (or are not routed yet: 404 ROUTE_NOT_FOUND).
 * @param {unknown} error
 */
export const notBuiltYet = (error) =>
  error instanceof ApiError &&
  ((error.status === 501 && error.code === 'NOT_IMPLEMENTED') || error.code === 'ROUTE_NOT_FOUND');

/**
 * A request function bound to a session. `token()` gives the bearer token (or nothing); `onUnauthorized`
 * hears about a 401 before the error is thrown.
 * @param {{ token?: () => string | undefined, onUnauthorized?: (error: ApiError) => void }} [options]
 * @returns {ApiRequest}
 */
export function createClient({ token = () => undefined, onUnauthorized } = {}) {
  /**
   * @param {string} method
   * @param {string} path
   * @param {unknown} [body]
   * @param {{ signal?: AbortSignal }} [options]
   */
  async function request(method, path, body, { signal } = {}) {
    const { apiUrl = '' } = await loadConfig();
    /** @type {Record<string, string>} */
    const headers = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const bearer = token();
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    /** @type {Response} */
    let response;
    try {
      response = await fetch(`${apiUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ?? null,
      });
    } catch (error) {
      if (error?.name === 'AbortError') throw error;
      throw new ApiError(0, 'NETWORK_ERROR', 'The service could not be reached.', undefined);
    }
    const text = await response.text();
    /** @type {any} */
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
  }
  return request;
}

/** A fresh id for a message; the same id is sent again on a retry, so a message is stored once. */
export function newClientMessageId() {
  if (typeof globalThis.crypto?.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
