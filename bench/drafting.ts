/**
 * Issue #4 benchmarks:
 * - prompt tokens per draft: the exact system + user text `draftOutreach` sends, counted with the o200k_base
 *   tokenizer, by language, over scored demo accounts of every outreach tier (the JSON schema apart: it is
 *   the same for every call);
 * - offline drafts per second next to the plan calculator alone on the same accounts, as a ratio;
 * - model calls per delivered draft through the real OpenAI SDK against the fake server answering a seeded
 *   mix of good and bad replies (target ≤ 1.2).
 */
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { committedRiskModel } from '../lambdas/adapters/committed-risk-model';
import { OpenAiLlm } from '../lambdas/adapters/llm/openai-llm';
import type { Language } from '../lambdas/domain/accounts/account';
import {
  type DraftingInput,
  type DraftingResult,
  draftOutreach,
  type LlmPort,
  type LlmRequest,
} from '../lambdas/domain/drafting/drafting-service';
import { offlineDraft } from '../lambdas/domain/drafting/offline-drafter';
import { formatMoney } from '../lambdas/domain/kernel/format';
import { OFFER_POLICY } from '../lambdas/domain/offers/offer-policy';
import { computeOffers, type OfferInput } from '../lambdas/domain/offers/plan-calculator';
import { assessRisk, decideTreatment } from '../lambdas/domain/scoring/account-assessment';
import { TREATMENT_POLICY } from '../lambdas/domain/treatment/treatment-policy';
import { seededRandom } from '../lib/seeded-random';
import { generateDemoPortfolio } from '../local/seed/demo-portfolio';
import { type FakeOpenAi, reply, type ScriptedReply, startFakeOpenAi } from '../test/support/fake-openai';

// A fixed business date: the same accounts, tiers and offers on every run.
const TODAY = '2026-11-23';
const clock = { now: () => new Date(`${TODAY}T15:00:00.000Z`) };
const SEED = 20261123;
const THROUGHPUT_ACCOUNTS = 2_000;
const TOKEN_SAMPLE = 400;
const LLM_DRAFTS = 200;
const MIN_SECONDS = 1;

const seconds = (startedNs: bigint) => Number(process.hrtime.bigint() - startedNs) / 1e9;
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

interface BenchCase {
  /** What the plan calculator gets, as the agent script builds it. */
  readonly offerInput: OfferInput;
  readonly input: DraftingInput;
}

/** Demo accounts scored with the committed model; only those whose tier drafts outreach and that owe money. */
function draftableCases(count: number): BenchCase[] {
  const cases: BenchCase[] = [];
  // About 40% of demo accounts get an outreach tier: three times the count leaves room.
  for (const account of generateDemoPortfolio({ count: count * 3, seed: SEED, asOf: TODAY })) {
    const risk = assessRisk(committedRiskModel, account);
    const { tier, bucket } = decideTreatment(TREATMENT_POLICY, account, risk, TODAY);
    const strategy = TREATMENT_POLICY.tiers[tier];
    if (strategy.channels.length === 0 || account.balanceMinor <= 0) continue;
    const offerInput: OfferInput = {
      account,
      bucket,
      riskBand: risk.band,
      eligible: strategy.offers,
      today: TODAY,
      policy: OFFER_POLICY,
    };
    const { language } = account.customer;
    const offerSet = computeOffers(offerInput);
    cases.push({
      offerInput,
      input: { account, offerSet, tier, strategy, language, jurisdiction: account.jurisdiction },
    });
    if (cases.length === count) return cases;
  }
  throw new Error(`only ${cases.length} draftable accounts, wanted ${count}`);
}

const countBy = <T>(items: readonly T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((counts, item) => {
    counts[key(item)] = (counts[key(item)] ?? 0) + 1;
    return counts;
  }, {});

// ---------------------------------------------------------------------------------------------------------
// Prompt tokens.
// ---------------------------------------------------------------------------------------------------------

/** A model that records what it was sent and answers with the offline draft, placeholders included. */
function recordingLlm(input: DraftingInput): { llm: LlmPort; requests: LlmRequest[] } {
  const requests: LlmRequest[] = [];
  const llm: LlmPort = {
    complete: async (request) => {
      requests.push(request);
      return {
        text: JSON.stringify(offlineDraft(input)),
        model: 'recorder',
        promptTokens: 0,
        completionTokens: 0,
      };
    },
  };
  return { llm, requests };
}

function tokenStats(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return {
    drafts: sorted.length,
    min: sorted[0]!,
    p50: sorted[Math.floor((sorted.length - 1) / 2)]!,
    max: sorted[sorted.length - 1]!,
    mean: Math.round(mean),
  };
}

/** The request `draftOutreach` sends for this input; the recorder's answer is accepted at the first call. */
async function firstRequest(input: DraftingInput): Promise<LlmRequest> {
  const { llm, requests } = recordingLlm(input);
  const result = await draftOutreach({ llm, clock }, input);
  if (result.llmCalls !== 1 || result.draft?.metadata.source !== 'llm') {
    throw new Error(`${input.account.accountId}: the recorded draft was not accepted at the first call`);
  }
  return requests[0]!;
}

async function benchPromptTokens(cases: readonly BenchCase[]) {
  const measured: { language: Language; tokens: number }[] = [];
  let jsonSchemaTokens = 0;
  for (const { input } of cases) {
    const request = await firstRequest(input);
    measured.push({
      language: input.language,
      tokens: countTokens(request.system) + countTokens(request.user),
    });
    jsonSchemaTokens = countTokens(JSON.stringify(request.jsonSchema));
  }
  const languages = [...new Set(measured.map(({ language }) => language))];
  return {
    encoding: 'o200k_base',
    counted: "system + user text of each draft's one call, as sent (pseudonymised)",
    sample: {
      drafts: cases.length,
      byLanguage: countBy(cases, ({ input }) => input.language),
      byTier: countBy(cases, ({ input }) => input.tier),
    },
    systemPlusUserTokens: Object.fromEntries(
      languages.map((language) => [
        language,
        tokenStats(measured.filter((m) => m.language === language).map(({ tokens }) => tokens)),
      ]),
    ),
    // Structured outputs send the schema with every call too: the same for every draft.
    jsonSchemaTokensPerCall: jsonSchemaTokens,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Offline throughput.
// ---------------------------------------------------------------------------------------------------------

/** Items per second of `pass` (one run over all items), after one warm-up pass, over at least MIN_SECONDS. */
async function itemsPerSecond(items: number, pass: () => unknown): Promise<number> {
  await pass();
  let passes = 0;
  const started = process.hrtime.bigint();
  while (seconds(started) < MIN_SECONDS) {
    await pass();
    passes += 1;
  }
  return (passes * items) / seconds(started);
}

async function benchOfflineThroughput(cases: readonly BenchCase[]) {
  const calculatorPass = () => {
    for (const { offerInput } of cases) computeOffers(offerInput);
  };
  let ready = 0;
  // A draft needs its offers: each one computes them first, as the agent script does.
  const draftingPass = async () => {
    ready = 0;
    for (const { offerInput, input } of cases) {
      const offerSet = computeOffers(offerInput);
      const result = await draftOutreach({ llm: undefined, clock }, { ...input, offerSet });
      if (result.status === 'ready') ready += 1;
    }
  };
  // The baseline before and after, averaged: the machine's speed drifts over the drafting pass.
  const calculatorBefore = await itemsPerSecond(cases.length, calculatorPass);
  const draftRate = await itemsPerSecond(cases.length, draftingPass);
  const calculatorAfter = await itemsPerSecond(cases.length, calculatorPass);
  const calculatorRate = (calculatorBefore + calculatorAfter) / 2;
  return {
    accounts: cases.length,
    calculatorOffersPerSecond: {
      before: Math.round(calculatorBefore),
      after: Math.round(calculatorAfter),
      mean: Math.round(calculatorRate),
    },
    offlineDraftsPerSecond: Math.round(draftRate),
    ratioToCalculator: round(draftRate / calculatorRate, 4),
    readyPercent: round((100 * ready) / cases.length),
  };
}

// ---------------------------------------------------------------------------------------------------------
// LLM calls per delivered draft.
// ---------------------------------------------------------------------------------------------------------

type ReplyKind =
  | 'valid'
  | 'invalidJson'
  | 'schemaInvalid'
  | 'status429'
  | 'status500'
  | 'threat'
  | 'wrongAmount';

/** Share of the fake model's replies (percent); each HTTP request draws its reply independently. */
const REPLY_MIX: Record<ReplyKind, number> = {
  valid: 85,
  invalidJson: 4,
  schemaInvalid: 3,
  status429: 3,
  status500: 1,
  threat: 2,
  wrongAmount: 2,
};

const THREATS: Record<Language, string> = {
  en: 'Pay today or we will sue you.',
  'zh-CN': '请立即还款，否则我们将起诉您。',
};

/** Short, so that a failing call falls back quickly; the SDK retries 429, 5xx and timeouts itself. */
const ADAPTER = { timeoutMs: 300, maxRetries: 1 } as const;
/** Bounded by draftOutreach (2 drafts × 2 calls) times the adapter's requests per call (1 + maxRetries). */
const MAX_REPLIES_PER_DRAFT = 2 * 2 * (1 + ADAPTER.maxRetries);

function pickKind(random: () => number): ReplyKind {
  let roll = random() * 100;
  for (const [kind, percent] of Object.entries(REPLY_MIX) as [ReplyKind, number][]) {
    roll -= percent;
    if (roll < 0) return kind;
  }
  return 'valid';
}

/** The reply of one kind for this account: good drafts carry its own figures, as a model would copy them. */
function scriptedReply(kind: ReplyKind, input: DraftingInput): ScriptedReply {
  const draft = offlineDraft(input);
  const { totalDueMinor, currency } = input.offerSet;
  switch (kind) {
    case 'valid':
      return reply.json(draft);
    case 'invalidJson':
      return reply.content(JSON.stringify(draft).slice(0, 60));
    case 'schemaInvalid':
      return reply.json({ sms: 'Hi', email: { subject: '' }, portal: 42 });
    case 'status429':
      return reply.status(429);
    case 'status500':
      return reply.status(500);
    case 'threat':
      return reply.json({ ...draft, portal: `${draft.portal}\n\n${THREATS[input.language]}` });
    case 'wrongAmount': {
      const wrong = formatMoney(totalDueMinor + 12_345, currency, input.language);
      return reply.json({ ...draft, portal: `${draft.portal}\n\n${wrong}` });
    }
  }
}

async function draftAgainstFake(
  fake: FakeOpenAi,
  llm: LlmPort,
  input: DraftingInput,
  random: () => number,
): Promise<{ result: DraftingResult; served: ReplyKind[] }> {
  const kinds = Array.from({ length: MAX_REPLIES_PER_DRAFT }, () => pickKind(random));
  fake.script(...kinds.map((kind) => scriptedReply(kind, input)));
  const result = await draftOutreach({ llm, clock }, input);
  return { result, served: kinds.slice(0, MAX_REPLIES_PER_DRAFT - fake.pending()) };
}

async function benchLlmCalls(cases: readonly BenchCase[]) {
  const fake = await startFakeOpenAi();
  try {
    const llm = new OpenAiLlm({ apiKey: 'bench', baseURL: fake.baseURL, model: 'fake', ...ADAPTER });
    const random = seededRandom(SEED);
    const results: DraftingResult[] = [];
    const served: ReplyKind[] = [];
    const started = process.hrtime.bigint();
    for (const { input } of cases) {
      const drafted = await draftAgainstFake(fake, llm, input, random);
      results.push(drafted.result);
      served.push(...drafted.served);
    }
    const elapsed = seconds(started);
    const delivered = results.filter(({ status }) => status === 'ready');
    const llmCalls = results.reduce((sum, { llmCalls }) => sum + llmCalls, 0);
    const outcomes = results.flatMap(({ attempts }) =>
      attempts.map(({ source, outcome }) => `${source}:${outcome}`),
    );
    return {
      drafts: cases.length,
      adapter: {
        ...ADAPTER,
        note: 'the SDK retries 429, 5xx and timeouts itself: one LlmPort call may be several HTTP requests',
      },
      replyMixPercent: REPLY_MIX,
      repliesServed: countBy(served, (kind) => kind),
      delivered: delivered.length,
      deliveredBySource: countBy(delivered, ({ draft }) => draft!.metadata.source),
      attemptOutcomes: countBy(outcomes, (outcome) => outcome),
      llmPortCallsPerDeliveredDraft: round(llmCalls / delivered.length, 3),
      httpRequestsPerDeliveredDraft: round(fake.requests.length / delivered.length, 3),
      target: '≤ 1.2 LlmPort calls per delivered draft',
      seconds: round(elapsed),
    };
  } finally {
    await fake.close();
  }
}

export async function benchDrafting() {
  const cases = draftableCases(THROUGHPUT_ACCOUNTS);
  return {
    accounts: {
      source: `demo portfolio (seed ${SEED}) scored with the committed model on ${TODAY}, outreach tiers only`,
      byLanguage: countBy(cases, ({ input }) => input.language),
      byTier: countBy(cases, ({ input }) => input.tier),
    },
    promptTokens: await benchPromptTokens(cases.slice(0, TOKEN_SAMPLE)),
    offlineThroughput: await benchOfflineThroughput(cases),
    llmCallsPerDeliveredDraft: await benchLlmCalls(cases.slice(0, LLM_DRAFTS)),
  };
}

export type DraftingBenchResult = Awaited<ReturnType<typeof benchDrafting>>;
