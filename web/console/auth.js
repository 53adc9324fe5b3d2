// @ts-check
// Staff sign-in. Locally (no `auth` in /config.json, or `auth.kind === 'local'`): a dev user from
// /_local/users gets a session token from /_local/login. In AWS (`auth.kind === 'cognito'`): the Cognito
// Hosted UI, authorization code flow with PKCE; the id token is the bearer token and its `cognito:groups`
// give the role (the API checks the token itself; the role here only shapes the page).

const SESSION_KEY = 'console.session';
const PKCE_KEY = 'console.pkce';

/** @typedef {import('/lib/types').PageConfig} PageConfig */
/** @typedef {NonNullable<PageConfig['auth']>} AuthSettings */
/** @typedef {import('/lib/types').ApiRequest} ApiRequest */

/**
 * The signed-in user, while the token is valid.
 * @typedef {{ kind: 'local' | 'cognito', token: string, user: string, name: string, role: string,
 *   expiresAt: string }} StaffSession
 */

/** @param {PageConfig} config */
export const isLocalAuth = (config) => !config.auth || config.auth.kind === 'local';

/** @param {string} key */
function read(key) {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

/**
 * @param {string} key
 * @param {unknown} value null forgets it
 */
function write(key, value) {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // not kept across reloads; the page still works
  }
}

/**
 * The signed-in user: { token, user, name, role, expiresAt, kind }, while the token is valid.
 * @returns {StaffSession | null}
 */
export function savedSession() {
  const session = read(SESSION_KEY);
  if (session?.token && Date.parse(session.expiresAt) > Date.now()) return session;
  write(SESSION_KEY, null);
  return null;
}

/**
 * @param {StaffSession} session
 * @returns {StaffSession}
 */
export function saveSession(session) {
  write(SESSION_KEY, session);
  return session;
}

export function clearSession() {
  write(SESSION_KEY, null);
}

// ----------------------------------------------------------------------------------------------------------
// Local dev users

/**
 * The local runtime's dev users: `[{ user, name, role }]`.
 * @param {ApiRequest} api
 * @returns {Promise<{ user: string, name: string, role: string }[]>}
 */
export const localUsers = (api) => api('GET', '/_local/users');

/**
 * @param {ApiRequest} api
 * @param {string} user
 */
export async function localSignIn(api, user) {
  const login = await api('POST', '/_local/login', { user });
  return saveSession({
    kind: 'local',
    token: login.token,
    user: login.user,
    name: login.name,
    role: login.role,
    expiresAt: login.expiresAt,
  });
}

// ----------------------------------------------------------------------------------------------------------
// Cognito Hosted UI with PKCE

/** @param {ArrayBuffer | Uint8Array} bytes */
const base64Url = (bytes) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** @param {number} size */
const randomString = (size) => base64Url(crypto.getRandomValues(new Uint8Array(size)));

/** @param {AuthSettings} auth */
const domainUrl = (auth) =>
  `https://${String(auth.domain)
    .replace(/^https?:\/\//, '')
    .replace(/\/+$/, '')}`;

/** @param {AuthSettings} auth */
const redirectUri = (auth) => auth.redirectUri ?? `${location.origin}/console/`;

/**
 * Sends the browser to the Hosted UI; it comes back to the redirect URI with ?code=…&state=…
 * @param {AuthSettings} auth
 */
export async function startCognitoSignIn(auth) {
  const verifier = randomString(48);
  const state = randomString(24);
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  write(PKCE_KEY, { verifier, state });
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: String(auth.clientId),
    redirect_uri: redirectUri(auth),
    code_challenge_method: 'S256',
    code_challenge: challenge,
    scope: 'openid email',
    state,
  });
  location.assign(`${domainUrl(auth)}/oauth2/authorize?${params}`);
}

/**
 * The payload of a JWT (not verified here: the API verifies every token it is given).
 * @param {unknown} token
 */
export function jwtPayload(token) {
  const part = String(token).split('.')[1] ?? '';
  const binary = atob(
    part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '='),
  );
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/**
 * The console role a user's Cognito groups give, if any.
 * @param {unknown} groups
 */
export function roleOf(groups) {
  const list = Array.isArray(groups) ? groups : String(groups ?? '').split(/[\s,]+/);
  if (list.includes('supervisor')) return 'supervisor';
  if (list.includes('agent')) return 'agent';
  return null;
}

/** True when this page load is the Hosted UI coming back with a code. */
export const isCognitoCallback = () => new URLSearchParams(location.search).has('code');

/**
 * Trades the code for tokens; throws with a readable message when anything does not match.
 * @param {AuthSettings} auth
 * @returns {Promise<StaffSession>}
 */
export async function finishCognitoSignIn(auth) {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const returnedState = params.get('state');
  const pkce = read(PKCE_KEY);
  write(PKCE_KEY, null);
  // Drop ?code=… from the address bar whatever happens next.
  history.replaceState(null, '', `${location.pathname}${location.hash}`);
  if (params.get('error'))
    throw new Error(`Sign-in was not completed: ${params.get('error_description') ?? params.get('error')}`);
  if (!code || !pkce || pkce.state !== returnedState)
    throw new Error('Sign-in could not be completed. Please try again.');
  const response = await fetch(`${domainUrl(auth)}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: String(auth.clientId),
      code,
      redirect_uri: redirectUri(auth),
      code_verifier: pkce.verifier,
    }),
  });
  if (!response.ok) throw new Error('Sign-in could not be completed. Please try again.');
  const tokens = await response.json();
  const claims = jwtPayload(tokens.id_token);
  const role = roleOf(claims['cognito:groups']);
  if (!role)
    throw new Error('Your user is in neither the agent nor the supervisor group. Ask an administrator.');
  return saveSession({
    kind: 'cognito',
    token: tokens.id_token,
    user: claims.sub,
    name: claims.email ?? claims['cognito:username'] ?? claims.sub,
    role,
    expiresAt: new Date(claims.exp * 1000).toISOString(),
  });
}

/** @param {AuthSettings} auth */
export function cognitoSignOutUrl(auth) {
  const params = new URLSearchParams({ client_id: String(auth.clientId), logout_uri: redirectUri(auth) });
  return `${domainUrl(auth)}/logout?${params}`;
}
