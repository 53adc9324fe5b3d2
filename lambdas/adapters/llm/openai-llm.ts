/**
 * LlmPort over the OpenAI chat completions API (or any compatible server) with structured outputs. Bounded:
 * the SDK retries 429 and 5xx (honouring retry-after) up to `maxRetries` times, each request under
 * `timeoutMs`; whatever still fails surfaces as LlmUnavailableError, on which drafting falls back offline.
 * Configuration comes from the caller: this module never reads the environment.
 */
import OpenAI from 'openai';
import {
  type LlmPort,
  type LlmRequest,
  type LlmResponse,
  LlmUnavailableError,
} from '../../domain/drafting/drafting-service';

export interface OpenAiLlmConfig {
  readonly apiKey: string;
  /** e.g. `https://api.openai.com/v1`; undefined = the SDK's default. */
  readonly baseURL?: string;
  readonly model: string;
  readonly timeoutMs?: number;
  readonly maxRetries?: number;
  /** Low: drafts should read alike from one run to the next. */
  readonly temperature?: number;
}

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_TEMPERATURE = 0.2;

export class OpenAiLlm implements LlmPort {
  private readonly client: OpenAI;

  constructor(private readonly config: OpenAiLlmConfig) {
    this.client = new OpenAI({
      apiKey: config.apiKey,
      baseURL: config.baseURL,
      timeout: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxRetries: config.maxRetries ?? DEFAULT_MAX_RETRIES,
    });
  }

  async complete(request: LlmRequest): Promise<LlmResponse> {
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    try {
      completion = await this.client.chat.completions.create({
        model: this.config.model,
        temperature: this.config.temperature ?? DEFAULT_TEMPERATURE,
        messages: [
          { role: 'system', content: request.system },
          { role: 'user', content: request.user },
        ],
        response_format: {
          type: 'json_schema',
          json_schema: {
            name: request.schemaName,
            schema: request.jsonSchema as Record<string, unknown>,
            strict: true,
          },
        },
      });
    } catch (error) {
      throw new LlmUnavailableError(describe(error), { cause: error });
    }
    const message = completion.choices[0]?.message;
    if (!message?.content) {
      throw new LlmUnavailableError(message?.refusal ? `refused: ${message.refusal}` : 'empty completion');
    }
    return {
      text: message.content,
      model: completion.model,
      promptTokens: completion.usage?.prompt_tokens ?? 0,
      completionTokens: completion.usage?.completion_tokens ?? 0,
    };
  }
}

function describe(error: unknown): string {
  if (error instanceof OpenAI.APIError && error.status !== undefined) {
    return `OpenAI API error ${error.status}: ${error.message}`;
  }
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
