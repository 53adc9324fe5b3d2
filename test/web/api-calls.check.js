// @ts-check
// Type checks of the pages' API client (`npm run typecheck`, tsconfig.web.json; never run): calls the API
// accepts compile, and a wrong path, field or value is an error at the call, as the OpenAPI document says.
import { createClient } from '/lib/api.js';

const api = createClient();
const id = 'ACC-000001';

export async function accepted() {
  await api('GET', `/accounts/${encodeURIComponent(id)}/payments`);
  await api('GET', `/queue?${new URLSearchParams({ tier: 'reminder' })}`);
  await api('POST', `/accounts/${id}/calls`, {
    outcome: 'promise_to_pay',
    promise: { amountMinor: 100, dueDate: '2026-12-01' },
  });
  await api('POST', '/portal/verification/confirm', { accountId: id, verificationId: 'v', code: '123456' });
  await api('DELETE', '/portal/mandate');
  await api('POST', '/_local/login', { user: 'agent' });
}

export async function refused() {
  // @ts-expect-error no such route
  await api('GET', '/no/such/route');
  // @ts-expect-error not an outcome the API knows
  await api('POST', `/accounts/${id}/calls`, { outcome: 'nonsense' });
  // @ts-expect-error the confirm route takes the code, not the date of birth (routes sharing an operationId)
  await api('POST', '/portal/verification/confirm', { accountId: id, dateOfBirth: '1980-01-01' });
  // @ts-expect-error GET takes no body
  await api('GET', '/portal/payments', { amountMinor: 1 });
  // @ts-expect-error PUT is not a method of this route
  await api('PUT', '/portal/mandate', {});
}
