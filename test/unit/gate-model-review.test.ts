import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAiLlm } from '../../lambdas/adapters/llm/openai-llm';
import { checkMessage, type MessageRequest } from '../../lambdas/domain/compliance';
import { reviewedVerdict } from '../../lambdas/domain/compliance/model-review';
import { FAKE_MODEL, type FakeOpenAi, reply, startFakeOpenAi } from '../support/fake-openai';

/** The real SDK against the fake OpenAI-compatible server: structured output, recorded opinions. */
describe('optional model review of outbound messages', () => {
  let server: FakeOpenAi;
  let llm: OpenAiLlm;
  beforeAll(async () => {
    server = await startFakeOpenAi();
    llm = new OpenAiLlm({
      apiKey: 'test',
      baseURL: server.baseURL,
      model: FAKE_MODEL,
      timeoutMs: 2_000,
      maxRetries: 0,
    });
  });
  afterAll(() => server.close());

  const clean: MessageRequest = {
    jurisdiction: 'CN',
    channel: 'portal',
    language: 'en',
    text: 'We noticed the balance is still open. It would be wise to sort it out before things change for you.',
  };

  it('adds a concern the model points at, with its span, and records its opinion', async () => {
    server.script(
      reply.json({
        verdict: 'concern',
        findings: [
          { category: 'veiled_threat', quote: 'before things change for you', reason: 'vague menace' },
        ],
      }),
    );
    const rules = checkMessage(clean);
    expect(rules.allowed).toBe(true);
    const verdict = await reviewedVerdict(clean, rules, llm);
    expect(verdict.allowed).toBe(false);
    expect(verdict.violations).toEqual([
      expect.objectContaining({
        rule: 'MODEL_REVIEW_CONCERN',
        category: 'veiled_threat',
        span: { start: clean.text.indexOf('before things'), end: clean.text.indexOf('before things') + 28 },
        ruleId: 'GATE-MODEL-REVIEW@2026.12.1',
      }),
    ]);
    expect(verdict.review).toMatchObject({
      model: FAKE_MODEL,
      promptVersion: 'gate-review@2026.12.1',
      verdict: 'concern',
    });
    const sent = server.requests.at(-1)!.body as {
      response_format: { type: string };
      messages: { content: string }[];
    };
    expect(sent.response_format.type).toBe('json_schema');
    expect(sent.messages[1]!.content).toContain('<message>');
  });

  it('can never allow what the rules block', async () => {
    server.script(reply.json({ verdict: 'ok', findings: [] }));
    const blocked: MessageRequest = { ...clean, text: 'We will sue you next week.' };
    const rules = checkMessage(blocked);
    const verdict = await reviewedVerdict(blocked, rules, llm);
    expect(verdict.allowed).toBe(false);
    expect(verdict.violations).toEqual(rules.violations);
    expect(verdict.review?.verdict).toBe('ok');
  });

  it('ignores a quote that is not in the message', async () => {
    server.script(
      reply.json({
        verdict: 'concern',
        findings: [{ category: 'insult', quote: 'you idiot', reason: 'made up' }],
      }),
    );
    const verdict = await reviewedVerdict(clean, checkMessage(clean), llm);
    expect(verdict.allowed).toBe(true);
    expect(verdict.review?.verdict).toBe('concern');
  });

  it.each([
    ['an error status', reply.status(500)],
    ['out-of-schema JSON', reply.json({ verdict: 'maybe' })],
    ['not JSON', reply.content('I think it is fine')],
  ])('leaves the rules’ verdict as it is on %s, recording the review as unavailable', async (_, answer) => {
    server.script(answer);
    const rules = checkMessage(clean);
    const verdict = await reviewedVerdict(clean, rules, llm);
    expect(verdict.allowed).toBe(true);
    expect(verdict.violations).toEqual([]);
    expect(verdict.review?.verdict).toBe('unavailable');
  });
});
