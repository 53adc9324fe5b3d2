/** Drafting through the real OpenAI SDK against a fake OpenAI-compatible server. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OpenAiLlm } from '../../lambdas/adapters/llm/openai-llm';
import { InMemoryMetrics } from '../../lambdas/adapters/metrics/in-memory-metrics';
import type { DraftContent } from '../../lambdas/domain/drafting/draft';
import {
  type DraftingInput,
  draftOutreach,
  LlmUnavailableError,
} from '../../lambdas/domain/drafting/drafting-service';
import { OFFER_POLICY } from '../../lambdas/domain/offers/offer-policy';
import { computeOffers } from '../../lambdas/domain/offers/plan-calculator';
import { TREATMENT_POLICY } from '../../lambdas/domain/treatment/treatment-policy';
import { anAccount } from '../support/accounts';
import { FAKE_MODEL, FAKE_USAGE, type FakeOpenAi, reply, startFakeOpenAi } from '../support/fake-openai';

const account = anAccount({ accountId: 'ACC-777123' });
const offerSet = computeOffers({
  account,
  bucket: 'dpd_1_30',
  riskBand: 'B',
  eligible: TREATMENT_POLICY.tiers.reminder.offers,
  today: '2026-11-23',
  policy: OFFER_POLICY,
});
const input: DraftingInput = {
  account,
  offerSet,
  tier: 'reminder',
  strategy: TREATMENT_POLICY.tiers.reminder,
  language: 'en',
  jurisdiction: 'US',
};
const clock = { now: () => new Date('2026-11-23T15:00:00.000Z') };

/** A clean draft as a model would write it: placeholders for the customer, only the balance as a figure. */
function modelDraft(
  portal = 'Your balance is USD 1,200.00. Choose the option that suits you in the portal.',
) {
  const content: DraftContent = {
    sms: 'Hi {{CUSTOMER_NAME}}, USD 1,200.00 is due on account {{ACCOUNT_REF}}. See your options in our secure portal.',
    email: {
      subject: 'Your repayment options',
      body: 'Dear {{CUSTOMER_NAME}},\n\nThe balance is USD 1,200.00. Please see your options in the portal.\n\nKind regards',
    },
    portal,
    callScript: {
      rightPartyVerification: 'May I speak with {{CUSTOMER_NAME}}?',
      opening: 'I am calling about your account {{ACCOUNT_REF}}.',
      options: 'The balance is USD 1,200.00, and we can offer a plan that suits you.',
      objectionHandling: [
        { objection: "I can't pay now.", response: 'I understand; let us find a plan within your budget.' },
      ],
      close: 'Thank you for your time.',
    },
  };
  return reply.json(content);
}
const threateningDraft = () =>
  modelDraft('Pay USD 1,200.00 now or we will take you to court, and you will regret it.');
const wrongAmountDraft = () => modelDraft('Your balance is USD 999.99. Choose an option in the portal.');
const invalidJson = () => reply.content('{"sms": "Hi", "email": ');
const schemaInvalid = () => reply.json({ sms: 'Hi', email: { subject: '' }, portal: 42 });

let fake: FakeOpenAi;
let llm: OpenAiLlm;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  llm = new OpenAiLlm({
    apiKey: 'test-key',
    baseURL: fake.baseURL,
    model: 'gpt-test',
    timeoutMs: 500,
    maxRetries: 2,
  });
});

afterAll(async () => {
  await fake.close();
});

let requestsBefore = 0;
beforeEach(() => {
  requestsBefore = fake.requests.length;
});
const requestsOfThisTest = () => fake.requests.slice(requestsBefore);
const userMessageOf = (body: unknown): string =>
  (body as { messages: { role: string; content: string }[] }).messages.find((m) => m.role === 'user')!
    .content;

describe('drafting with the OpenAI adapter', () => {
  it('with the model review on, a concern on the model draft is a gate finding: redrafted, then reviewed clean', async () => {
    const ok = () => reply.json({ verdict: 'ok', findings: [] });
    const concern = reply.json({
      verdict: 'concern',
      findings: [{ category: 'false_urgency', quote: 'is due on account', reason: 'pressure' }],
    });
    fake.script(modelDraft(), concern, ok(), ok(), ok(), modelDraft(), ok(), ok(), ok(), ok());
    const result = await draftOutreach({ llm, clock, reviewer: llm }, input);
    expect(result.status).toBe('ready');
    expect(result.draft?.metadata.source).toBe('llm');
    expect(result.llmCalls).toBe(10);
    expect(result.attempts[0]).toMatchObject({ source: 'llm', outcome: 'rejected_by_gate' });
    expect(result.attempts[0]!.findings.join('\n')).toContain('MODEL_REVIEW_CONCERN');
    expect(result.verdicts?.sms.review).toMatchObject({
      verdict: 'ok',
      promptVersion: 'gate-review@2026.12.1',
    });
    expect(fake.pending()).toBe(0);
  });

  it('accepts a valid draft: source llm, model, tokens and prompt version recorded', async () => {
    fake.script(modelDraft());
    const metrics = new InMemoryMetrics();
    const result = await draftOutreach({ llm, clock, metrics }, input);
    expect(metrics.snapshot()).toEqual({ 'Drafts:model': 1 });
    expect(result.status).toBe('ready');
    expect(result.llmCalls).toBe(1);
    expect(result.draft?.metadata).toEqual({
      promptId: 'draft-outreach',
      promptVersion: '2026.11.1',
      model: FAKE_MODEL,
      language: 'en',
      pseudonymised: true,
      tokens: { prompt: FAKE_USAGE.prompt_tokens, completion: FAKE_USAGE.completion_tokens },
      source: 'llm',
      attempts: 1,
      draftedAt: '2026-11-23T15:00:00.000Z',
    });
    expect(result.draft?.sms).toContain('Hi Alex Example, USD 1,200.00 is due on account ****7123.');
    expect(result.draft?.sms).toContain('This is a communication from a debt collector.');
    expect(result.draft?.sms).toContain('Reply STOP to opt out.');
    expect(Object.values(result.verdicts!).every((verdict) => verdict.allowed)).toBe(true);
  });

  it('asks for strict structured output following the draft schema', async () => {
    fake.script(modelDraft());
    await draftOutreach({ llm, clock }, input);
    const [request] = requestsOfThisTest();
    expect(request!.path).toBe('/v1/chat/completions');
    expect(request!.body).toMatchObject({
      model: 'gpt-test',
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'outreach_draft',
          strict: true,
          schema: { type: 'object', required: ['sms', 'email', 'portal', 'callScript'] },
        },
      },
    });
    // Strict mode rejects keywords it does not support; zod still checks the lengths on the reply.
    expect(request!.rawBody).not.toContain('minLength');
    expect(userMessageOf(request!.body)).toContain('USD 1,200.00');
  });

  it('repairs invalid JSON once, sending the error back', async () => {
    fake.script(invalidJson(), modelDraft());
    const result = await draftOutreach({ llm, clock }, input);
    expect(result.status).toBe('ready');
    expect(result.draft?.metadata.source).toBe('llm');
    expect(result.llmCalls).toBe(2);
    expect(result.draft?.metadata.tokens).toEqual({
      prompt: 2 * FAKE_USAGE.prompt_tokens,
      completion: 2 * FAKE_USAGE.completion_tokens,
    });
    expect(result.attempts.map((attempt) => attempt.outcome)).toEqual(['malformed', 'accepted']);
    expect(userMessageOf(requestsOfThisTest()[1]!.body)).toContain('not valid JSON');
  });

  it('repairs schema-invalid JSON once, naming the failing fields', async () => {
    fake.script(schemaInvalid(), modelDraft());
    const result = await draftOutreach({ llm, clock }, input);
    expect(result.status).toBe('ready');
    expect(userMessageOf(requestsOfThisTest()[1]!.body)).toMatch(/portal: .*expected string/i);
  });

  it('falls back offline when the repair is malformed too', async () => {
    fake.script(invalidJson(), schemaInvalid());
    const result = await draftOutreach({ llm, clock }, input);
    expect(result.status).toBe('ready');
    expect(result.draft?.metadata.source).toBe('offline');
    expect(result.llmCalls).toBe(2);
  });

  it('retries a 429 in the SDK and then succeeds', async () => {
    fake.script(reply.status(429), modelDraft());
    const result = await draftOutreach({ llm, clock }, input);
    expect(result.status).toBe('ready');
    expect(result.draft?.metadata.source).toBe('llm');
    expect(result.llmCalls).toBe(1);
    expect(requestsOfThisTest()).toHaveLength(2);
  });

  it('falls back offline after three 500s', async () => {
    fake.script(reply.status(500), reply.status(500), reply.status(500), modelDraft());
    const result = await draftOutreach({ llm, clock }, input);
    expect(result.status).toBe('ready');
    expect(requestsOfThisTest()).toHaveLength(3);
    expect(result.draft?.metadata).toMatchObject({
      source: 'offline',
      promptId: 'draft-outreach-offline',
      model: 'offline-templates',
    });
    expect(result.attempts[0]).toMatchObject({ source: 'llm', outcome: 'llm_unavailable' });
    expect(result.attempts[0]!.findings[0]).toContain('LlmUnavailableError');
    expect(fake.pending()).toBe(1);
    fake.script();
  });

  it('falls back offline when the model does not answer in time', async () => {
    fake.script(reply.hang(), reply.hang(), reply.hang());
    const started = Date.now();
    const result = await draftOutreach({ llm, clock }, input);
    expect(result.status).toBe('ready');
    expect(result.draft?.metadata.source).toBe('offline');
    expect(result.attempts[0]!.outcome).toBe('llm_unavailable');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('surfaces failures from the adapter as LlmUnavailableError', async () => {
    fake.script(reply.status(503), reply.status(503), reply.status(503));
    await expect(
      llm.complete({ system: 's', user: 'u', schemaName: 'x', jsonSchema: { type: 'object' } }),
    ).rejects.toBeInstanceOf(LlmUnavailableError);
  });

  it('regenerates a threatening draft once with the gate findings, and accepts the clean one', async () => {
    fake.script(threateningDraft(), modelDraft());
    const result = await draftOutreach({ llm, clock }, input);
    expect(result.status).toBe('ready');
    expect(result.draft?.metadata).toMatchObject({ source: 'llm', attempts: 2 });
    expect(result.attempts[0]!.outcome).toBe('rejected_by_gate');
    expect(result.attempts[0]!.findings.join('\n')).toContain('FORBIDDEN_LAWSUIT_THREAT');
    const retryPrompt = userMessageOf(requestsOfThisTest()[1]!.body);
    expect(retryPrompt).toContain('The compliance check rejected your previous draft');
    expect(retryPrompt).toContain('FORBIDDEN_THREAT_OR_VIOLENCE');
  });

  it('falls back offline when the regenerated draft still threatens', async () => {
    fake.script(threateningDraft(), threateningDraft(), modelDraft());
    const metrics = new InMemoryMetrics();
    const result = await draftOutreach({ llm, clock, metrics }, input);
    // Counted as one offline draft; each stopped model draft counted under the rules that stopped it.
    expect(metrics.total('Drafts')).toBe(1);
    expect(metrics.total('Drafts', 'offline')).toBe(1);
    expect(metrics.total('MessagesBlocked', 'FORBIDDEN_LAWSUIT_THREAT')).toBe(2);
    expect(result.status).toBe('ready');
    expect(result.draft?.metadata.source).toBe('offline');
    expect(result.llmCalls).toBe(2);
    expect(result.attempts.map((attempt) => attempt.outcome)).toEqual([
      'rejected_by_gate',
      'rejected_by_gate',
      'accepted',
    ]);
    expect(result.draft?.portal).not.toContain('court');
    fake.script();
  });

  it('catches an amount that is not in the offer', async () => {
    fake.script(wrongAmountDraft(), wrongAmountDraft());
    const result = await draftOutreach({ llm, clock }, input);
    expect(result.draft?.metadata.source).toBe('offline');
    const findings = result.attempts[0]!.findings.join('\n');
    expect(findings).toContain('NUMBER_NOT_IN_OFFER');
    expect(findings).toContain('USD 999.99');
    expect(result.draft?.portal).not.toContain('999.99');
  });

  it('drafts offline with no model configured, and blocks a draft even the templates cannot pass', async () => {
    const offline = await draftOutreach({ llm: undefined, clock }, input);
    expect(offline).toMatchObject({ status: 'ready', llmCalls: 0 });
    expect(offline.draft?.metadata.tokens).toEqual({ prompt: 0, completion: 0 });

    const longName = anAccount({
      accountId: 'ACC-777124',
      customer: { ...account.customer, name: 'A'.repeat(200) },
    });
    const metrics = new InMemoryMetrics();
    const blocked = await draftOutreach({ llm: undefined, clock, metrics }, { ...input, account: longName });
    expect(blocked.status).toBe('blocked');
    expect(metrics.total('Drafts', 'blocked')).toBe(1);
    expect(metrics.total('MessagesBlocked', 'TEXT_TOO_LONG')).toBe(1);
    expect(blocked.draft).toBeUndefined();
    expect(blocked.reasons?.join('\n')).toContain('TEXT_TOO_LONG');
    expect(blocked.verdicts?.sms.allowed).toBe(false);
  });

  it('blocks tiers that have no outreach without calling the model', async () => {
    const result = await draftOutreach(
      { llm, clock },
      { ...input, tier: 'cease_hold', strategy: TREATMENT_POLICY.tiers.cease_hold },
    );
    expect(result).toMatchObject({ status: 'blocked', llmCalls: 0 });
    expect(requestsOfThisTest()).toHaveLength(0);
  });

  it('never sent the customer’s name, phone, e-mail, date of birth or account id', () => {
    const { customer } = account;
    const forbidden = [
      customer.name,
      'Alex',
      customer.phone,
      customer.phone.replace(/\D/g, ''),
      customer.email,
      customer.dateOfBirth,
      account.accountId,
      '7123',
    ];
    expect(fake.requests.length).toBeGreaterThan(10);
    for (const { rawBody } of fake.requests) {
      for (const value of forbidden) expect(rawBody.toLowerCase()).not.toContain(value.toLowerCase());
    }
  });
});
