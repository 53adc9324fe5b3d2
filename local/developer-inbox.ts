/**
 * The developer inbox: what the local runtime's text messages and e-mails would have shown on the customer's
 * phone or in their mailbox, security codes included. It lives only in this process's memory (never in
 * DynamoDB, never on a staff route, never deployed): the handlers hand messages to it over loopback HTTP
 * (`DEVELOPER_INBOX_URL`, set by the local runtime only) and `GET /_local/inbox` shows them to a developer.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as z from 'zod';

/** Enough for a scoring run's worth of outreach; the oldest go first. */
const MAX_MESSAGES = 500;
const MAX_BODY_BYTES = 64 * 1024;

const delivered = z.object({
  channel: z.enum(['sms', 'email']),
  messageId: z.string().min(1).max(300),
  accountId: z.string().min(1).max(64),
  to: z.string().max(320).optional(),
  subject: z.string().max(300).optional(),
  text: z.string().max(10_000),
  purpose: z.string().max(40).optional(),
});

export type InboxMessage = z.infer<typeof delivered> & { readonly receivedAt: string };

export interface DeveloperInbox {
  /** Where handlers post messages (`DEVELOPER_INBOX_URL`). */
  readonly url: string;
  /** Newest first, optionally for one account. */
  messages(accountId?: string): InboxMessage[];
  stop(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startDeveloperInbox(): Promise<DeveloperInbox> {
  const kept: InboxMessage[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      if (request.method !== 'POST' || request.url !== '/messages') {
        response.writeHead(404).end();
        return;
      }
      const body = await readBody(request);
      let parsed: ReturnType<typeof delivered.safeParse> | undefined;
      try {
        parsed = body === undefined ? undefined : delivered.safeParse(JSON.parse(body));
      } catch {
        parsed = undefined;
      }
      if (!parsed?.success) {
        response.writeHead(400).end();
        return;
      }
      kept.unshift({ ...parsed.data, receivedAt: new Date().toISOString() });
      kept.length = Math.min(kept.length, MAX_MESSAGES);
      response.writeHead(204).end();
    })().catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/messages`,
    messages: (accountId) => kept.filter((message) => !accountId || message.accountId === accountId),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
