/**
 * An AWS SDK client (or a library's store that holds one) built on first use rather than when the function's
 * adapters are wired. Deployed bundles also load the SDK modules on first use (see `LAMBDA_BANNER` in
 * lib/bundling.ts), so a function's init loads no SDK at all, and an invocation loads only the clients it calls:
 * a portal request that reads DynamoDB never loads SES, SNS or the Scheduler.
 */
export function lazyClient<Client extends object>(create: () => Client): Client {
  let client: Client | undefined;
  return new Proxy({} as Client, {
    get(_unbuilt, key) {
      client ??= create();
      const value = Reflect.get(client, key);
      return typeof value === 'function' ? value.bind(client) : value;
    },
  });
}
