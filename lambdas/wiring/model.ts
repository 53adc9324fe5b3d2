/**
 * The model a function uses, from its configuration (see `llmFromEnvironment`), or none. An unreadable key
 * never stops the function: everything the model does has an offline path that is compliant, only plainer.
 */
import * as z from '../../contracts/schema';
import { type LlmLimits, llmFromEnvironment } from '../adapters/llm/llm-from-environment';
import type { LlmPort } from '../domain/drafting/drafting-service';
import { loadConfig } from '../runtime/config';
import { logger } from '../runtime/logger';

const optional = z.optional(z.string());

export async function configuredModel(purpose: string, limits?: LlmLimits): Promise<LlmPort | undefined> {
  const config = loadConfig({
    LLM_MODEL: z.string().check(z.minLength(1)),
    OPENAI_API_KEY: optional,
    OPENAI_BASE_URL: optional,
    LLM_API_KEY_SECRET_ARN: optional,
  });
  return llmFromEnvironment(config, limits).catch((error: unknown) => {
    logger.error(`LLM key unavailable; ${purpose} runs offline`, { error });
    return undefined;
  });
}
