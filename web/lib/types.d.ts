// Types the pages share, for `// @ts-check` JSDoc (a declaration file: nothing here is served as code).

/**
 * What an element can hold: nodes, text (numbers as text) and lists of them; null, undefined and false are
 * skipped, so `condition && h(…)` reads naturally.
 */
export type Child = Node | string | number | boolean | null | undefined | readonly Child[];

/**
 * `class` (a string or a list, falsy entries dropped), `text` (textContent), `on<event>` handlers, `dataset`,
 * `value`/`checked` as properties, and any other attribute (true = present; null/undefined/false = absent).
 */
export interface Props {
  class?: string | readonly (string | false | null | undefined)[] | undefined;
  dataset?: Record<string, string> | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: the event's type depends on its name (click, submit, input…)
  [handler: `on${string}`]: ((event: any) => unknown) | undefined;
  [attribute: string]: unknown;
}

// ---------------------------------------------------------------------------------------------------------
// The API as the pages call it: every path and body is checked against docs/openapi.json (api-types.d.ts).

import type { paths } from './api-types';

/** The local runtime's developer routes (not part of the API, so not in the OpenAPI document). */
interface LocalRoutes {
  '/_local/users': { get: { requestBody?: never } };
  '/_local/login': { post: { requestBody: { content: { 'application/json': { user: string } } } } };
  '/_local/outbox': { get: { requestBody?: never } };
}
type Routes = paths & LocalRoutes;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** '/accounts/{accountId}/calls' → `/accounts/${string}/calls`: the paths a page may build from a template. */
type Concrete<Template extends string> = Template extends `${infer Head}{${string}}${infer Tail}`
  ? `${Head}${string}${Concrete<Tail>}`
  : Template;

/** The operation of a route with this method, or never. */
type OperationOf<Route extends keyof Routes, M extends HttpMethod> = Routes[Route] extends {
  [K in Lowercase<M>]: infer Operation;
}
  ? Operation
  : never;

/** The routes that take `method` (their templates; a path may carry a query string after `?`). */
type RoutesFor<M extends HttpMethod> = {
  [Route in keyof Routes & string]: [OperationOf<Route, M>] extends [never] ? never : Route;
}[keyof Routes & string];

export type ApiPath<M extends HttpMethod> = Concrete<RoutesFor<M>> | `${Concrete<RoutesFor<M>>}?${string}`;

/** The JSON body of the route(s) `path` can be, or undefined when they take none. */
export type RequestBody<M extends HttpMethod, Path extends string> = {
  [Route in RoutesFor<M>]: Path extends Concrete<Route> | `${Concrete<Route>}?${string}`
    ? OperationOf<Route, M> extends { requestBody?: never }
      ? undefined
      : OperationOf<Route, M> extends { requestBody: { content: { 'application/json': infer Body } } }
        ? Body
        : OperationOf<Route, M> extends { requestBody?: { content: { 'application/json': infer Body } } }
          ? Body | undefined
          : undefined
    : never;
}[RoutesFor<M>];

/**
 * A request bound to a session: the method, a path of the API (checked against the OpenAPI document) and the
 * body that route takes. Answers are the parsed JSON (the document does not describe answers yet).
 */
export type ApiRequest = <M extends HttpMethod, Path extends ApiPath<M>>(
  method: M,
  path: Path,
  body?: RequestBody<M, Path>,
  options?: { signal?: AbortSignal },
) => // biome-ignore lint/suspicious/noExplicitAny: answers are not described by the OpenAPI document yet
Promise<any>;

/** `{"error": {"code", "message", …}}`, as every API error is written. */
export interface ApiErrorBody {
  error?: { code?: string; message?: string; [detail: string]: unknown };
  message?: string;
  [other: string]: unknown;
}

/** `/config.json`: where the API is, the stage, and (in AWS) the staff sign-in. */
export interface PageConfig {
  apiUrl?: string;
  stage?: string;
  auth?: { kind: 'local' | 'cognito'; domain?: string; clientId?: string; redirectUri?: string };
}

/** The JSON body a route takes, by its template: `BodyOf<'POST', '/accounts/{accountId}/calls'>`. */
export type BodyOf<M extends HttpMethod, Route extends RoutesFor<M>> = NonNullable<
  RequestBody<M, Concrete<Route>>
>;
