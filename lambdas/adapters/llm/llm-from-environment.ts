/**
 * The drafting model as configured: `OPENAI_API_KEY` (local, tests), else the key stored in the Secrets
 * Manager secret `LLM_API_KEY_SECRET_ARN` names (AWS), else none, and drafting runs on the offline templates.
 * The secret holds `{"apiKey": "..."}`; it is created with an empty key, so a fresh stage drafts offline until
 * someone sets one. Read once per cold start: a changed key reaches new instances.
 */
import type { LlmPort } from '../../domain/drafting/drafting-service';

export interface LlmEnvironment {
  readonly OPENAI_API_KEY?: string;
  readonly OPENAI_BASE_URL?: string;
  readonly LLM_API_KEY_SECRET_ARN?: string;
  readonly LLM_MODEL: string;
}

/** How long one model request may take and how often it is retried (defaults: the adapter's). */
export interface LlmLimits {
  readonly timeoutMs?: number;
  readonly maxRetries?: number;
}

export async function llmFromEnvironment(
  env: LlmEnvironment,
  limits: LlmLimits = {},
): Promise<LlmPort | undefined> {
  const apiKey = env.OPENAI_API_KEY?.trim() || (await keyFromSecret(env.LLM_API_KEY_SECRET_ARN));
  if (!apiKey) return undefined;
  // Loaded only now: a function without a key never pays for the model client at cold start.
  const { OpenAiLlm } = await import('./openai-llm');
  return new OpenAiLlm({
    apiKey,
    baseURL: env.OPENAI_BASE_URL || undefined,
    model: env.LLM_MODEL,
    ...limits,
  });
}

async function keyFromSecret(secretArn: string | undefined): Promise<string | undefined> {
  if (!secretArn) return undefined;
  const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  const { SecretString } = await new SecretsManagerClient({}).send(
    new GetSecretValueCommand({ SecretId: secretArn }),
  );
  const parsed = JSON.parse(SecretString ?? '{}') as { apiKey?: unknown };
  return typeof parsed.apiKey === 'string' && parsed.apiKey.trim() ? parsed.apiKey.trim() : undefined;
}
