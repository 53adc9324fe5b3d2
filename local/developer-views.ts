/**
 * Local-only views for developers and automated checks, so nobody needs a staff screen to try the portal:
 * demo customers with the reference and date of birth to sign in with, and the developer inbox where their
 * security codes arrive. JSON for tools; a plain page (no script, escaped text) when a browser asks.
 * Never deployed: the local runtime serves them under `/_local/`.
 */
import { BatchGetCommand, type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Account } from '../lambdas/domain/accounts/account';
import { codeChannelOf } from '../lambdas/domain/auth/identity-verification';
import type { InboxMessage } from './developer-inbox';

/** How many of each jurisdiction the list shows when no account is asked for. */
const PER_JURISDICTION = 4;
const MAX_ASKED = 100;
/** Tiers in which a customer has arrears to sort out and options in the portal. */
const WORTH_TRYING = new Set(['reminder', 'reminder_and_call', 'agent_call', 'hardship_restructure']);

export interface DemoCustomer {
  readonly accountId: string;
  readonly name: string;
  readonly dateOfBirth: string;
  readonly jurisdiction: Account['jurisdiction'];
  readonly language: Account['customer']['language'];
  /** Where a security code goes: texts with consent, else e-mail (read it in the developer inbox). */
  readonly codesBy: 'sms' | 'email';
  readonly tier: string | null;
}

const toDemoCustomer = (account: Account): DemoCustomer => ({
  accountId: account.accountId,
  name: account.customer.name,
  dateOfBirth: account.customer.dateOfBirth,
  jurisdiction: account.jurisdiction,
  language: account.customer.language,
  codesBy: codeChannelOf(account),
  tier: account.treatment?.tier ?? null,
});

/**
 * The accounts asked for (unknown ones left out), or a few of each jurisdiction: customers in arrears first,
 * then lowest references first.
 */
export async function demoCustomers(
  db: DynamoDBDocumentClient,
  accountsTable: string,
  accountIds: readonly string[],
): Promise<DemoCustomer[]> {
  if (accountIds.length > 0) {
    const keys = [...new Set(accountIds)].slice(0, MAX_ASKED).map((accountId) => ({ accountId }));
    const found: Account[] = [];
    for (let start = 0; start < keys.length; start += 100) {
      const { Responses } = await db.send(
        new BatchGetCommand({ RequestItems: { [accountsTable]: { Keys: keys.slice(start, start + 100) } } }),
      );
      found.push(...((Responses?.[accountsTable] ?? []) as Account[]));
    }
    return found.sort((a, b) => a.accountId.localeCompare(b.accountId)).map(toDemoCustomer);
  }
  const accounts: Account[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: accountsTable,
        ProjectionExpression: 'accountId, jurisdiction, customer, treatment',
        ExclusiveStartKey: startKey,
      }),
    );
    accounts.push(...((page.Items ?? []) as Account[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  // Customers with something to sort out first: a portal with arrears and options is worth trying.
  const worthTrying = (account: Account) => (WORTH_TRYING.has(account.treatment?.tier ?? '') ? 0 : 1);
  accounts.sort((a, b) => worthTrying(a) - worthTrying(b) || a.accountId.localeCompare(b.accountId));
  return (['US', 'CN'] as const).flatMap((jurisdiction) =>
    accounts
      .filter((account) => account.jurisdiction === jurisdiction)
      .slice(0, PER_JURISDICTION)
      .map(toDemoCustomer),
  );
}

export function demoCustomersPage(customers: readonly DemoCustomer[]): string {
  return layout(
    'Demo customers',
    'Sign in to the <a href="/portal/">portal</a> as any of them; the security code arrives in the <a href="/_local/inbox">developer inbox</a>. Local runtime only.',
    table(
      ['Reference', 'Name', 'Date of birth', 'Jurisdiction', 'Language', 'Codes by', 'Tier'],
      customers.map((c) => [
        c.accountId,
        c.name,
        c.dateOfBirth,
        c.jurisdiction,
        c.language,
        c.codesBy,
        c.tier ?? '—',
      ]),
    ),
  );
}

export function inboxPage(messages: readonly InboxMessage[]): string {
  return layout(
    'Developer inbox',
    'What customers’ phones and mailboxes would have received, security codes included. Kept in this process’s memory only (never in DynamoDB, never on a staff route, never deployed); it refreshes every 5 seconds.',
    table(
      ['Received', 'Account', 'Channel', 'To', 'Purpose', 'Message'],
      messages.map((m) => [
        m.receivedAt,
        m.accountId,
        m.channel,
        m.to ?? '—',
        m.purpose ?? 'outreach',
        m.subject ? `${m.subject}: ${m.text}` : m.text,
      ]),
    ),
    5,
  );
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function table(headings: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '<p>Nothing yet.</p>';
  const head = headings.map((heading) => `<th scope="col">${escapeHtml(heading)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** `intro` is trusted markup written here; everything from data goes through `escapeHtml`. */
function layout(title: string, intro: string, content: string, refreshSeconds?: number): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  ${refreshSeconds ? `<meta http-equiv="refresh" content="${refreshSeconds}">` : ''}
  <title>${escapeHtml(title)} · local</title>
  <link rel="stylesheet" href="/styles.css">
</head>
<body>
  <main>
    <h1>${escapeHtml(title)}</h1>
    <p>${intro}</p>
    ${content}
  </main>
</body>
</html>
`;
}
