/**
 * A fake OpenAI-compatible server for tests: `POST /v1/chat/completions` (non-streaming) answered from a
 * scripted queue, one reply per request, every request body recorded. Listens on 127.0.0.1, any free port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_MODEL = 'fake-gpt-2026-11';
export const FAKE_USAGE = { prompt_tokens: 321, completion_tokens: 123 } as const;

export type ScriptedReply =
  /** A completion whose assistant message is `content`, verbatim (valid JSON or not). */
  | { readonly kind: 'content'; readonly content: string }
  /** An error status; 429 and 5xx carry retry hints short enough for tests. */
  | { readonly kind: 'status'; readonly status: number }
  /** Never answers: the client's timeout has to end the request. */
  | { readonly kind: 'hang' };

export const reply = {
  json: (value: unknown): ScriptedReply => ({ kind: 'content', content: JSON.stringify(value) }),
  content: (content: string): ScriptedReply => ({ kind: 'content', content }),
  status: (status: number): ScriptedReply => ({ kind: 'status', status }),
  hang: (): ScriptedReply => ({ kind: 'hang' }),
};

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly rawBody: string;
  readonly body: unknown;
}

export interface FakeOpenAi {
  /** `http://127.0.0.1:<port>/v1`, the SDK's baseURL. */
  readonly baseURL: string;
  readonly requests: RecordedRequest[];
  /** Replaces the queue; each request takes the next reply. */
  script(...replies: ScriptedReply[]): void;
  /** Replies not used yet. */
  pending(): number;
  close(): Promise<void>;
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  let queue: ScriptedReply[] = [];
  const requests: RecordedRequest[] = [];

  const server = createServer(async (request, response) => {
    const rawBody = await bodyOf(request);
    requests.push({
      method: request.method ?? '',
      path: request.url ?? '',
      rawBody,
      body: parsedOrRaw(rawBody),
    });
    if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
      return sendJson(response, 404, apiError('not found', 'invalid_request_error'));
    }
    const next = queue.shift();
    if (!next)
      return sendJson(response, 400, apiError('fake: no scripted reply left', 'invalid_request_error'));
    answer(response, next);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    script(...replies) {
      queue = [...replies];
    },
    pending: () => queue.length,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Hanging requests would keep the server open forever.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function answer(response: ServerResponse, next: ScriptedReply): void {
  if (next.kind === 'hang') return;
  if (next.kind === 'content') {
    sendJson(response, 200, completion(next.content));
    return;
  }
  const retryHints = { 'retry-after': '1', 'retry-after-ms': '20' };
  const type = next.status === 429 ? 'rate_limit_exceeded' : 'server_error';
  sendJson(response, next.status, apiError(`fake status ${next.status}`, type), retryHints);
}

function completion(content: string) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_795_000_000,
    model: FAKE_MODEL,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    usage: { ...FAKE_USAGE, total_tokens: FAKE_USAGE.prompt_tokens + FAKE_USAGE.completion_tokens },
  };
}

const apiError = (message: string, type: string) => ({ error: { message, type, param: null, code: type } });

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parsedOrRaw(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
