/**
 * An OpenAI-compatible chat model over undici: `POST {baseUrl}/chat/completions`. One keep-alive Agent per
 * model; every call has an overall deadline (LLM_TIMEOUT_MS) on top of undici's header/body timeouts, so a
 * stalled endpoint fails the turn with a clear LlmError instead of hanging it.
 */
import { Agent, request, errors as undiciErrors } from "undici";
import { z } from "zod";
import type { LlmConfig } from "../config/common-config.js";
import { buildPrompt, type ChatModel, type ReplyRequest } from "./chat-model.js";
import { LlmError } from "./llm-error.js";

const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable().optional() }) })).min(1),
});

export interface LlmModelOptions extends LlmConfig {
  /** Sampling temperature; default 0.2 (answers grounded in the given memories, little invention). */
  temperature?: number;
  maxTokens?: number;
}

function hostOf(baseUrl: string): string {
  return new URL(baseUrl).host;
}

function describeFailure(e: unknown, host: string, timeoutMs: number, signal: AbortSignal): LlmError {
  if (e instanceof LlmError) return e;
  const timedOut =
    signal.aborted ||
    e instanceof undiciErrors.HeadersTimeoutError ||
    e instanceof undiciErrors.BodyTimeoutError ||
    e instanceof undiciErrors.ConnectTimeoutError;
  if (timedOut)
    return new LlmError(
      "timeout",
      `LLM call to ${host} timed out after ${timeoutMs} ms (raise LLM_TIMEOUT_MS or check the endpoint)`,
    );
  const code = (e as { code?: unknown }).code;
  return new LlmError(
    "unreachable",
    `LLM endpoint ${host} unreachable${typeof code === "string" ? ` (${code})` : ""}: check LLM_BASE_URL`,
  );
}

export function createLlmModel(options: LlmModelOptions): ChatModel {
  const base = options.baseUrl.replace(/\/+$/, "");
  const host = hostOf(base);
  const dispatcher = new Agent({
    keepAliveTimeout: 10_000,
    connect: { timeout: Math.min(options.timeoutMs, 10_000) },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
  return {
    kind: "llm",
    label: options.model,
    async reply(req: ReplyRequest, callOptions = {}) {
      const deadline = AbortSignal.timeout(options.timeoutMs);
      const signal = callOptions.signal ? AbortSignal.any([deadline, callOptions.signal]) : deadline;
      try {
        const res = await request(`${base}/chat/completions`, {
          method: "POST",
          dispatcher,
          signal,
          headers: {
            "content-type": "application/json",
            ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
          },
          body: JSON.stringify({
            model: options.model,
            messages: buildPrompt(req),
            temperature: options.temperature ?? 0.2,
            ...(options.maxTokens ? { max_tokens: options.maxTokens } : {}),
          }),
        });
        const text = await res.body.text();
        if (res.statusCode < 200 || res.statusCode >= 300) {
          const hint =
            res.statusCode === 401 || res.statusCode === 403
              ? "check LLM_API_KEY"
              : res.statusCode === 404
                ? "check LLM_BASE_URL and LLM_MODEL"
                : "the endpoint refused the request";
          throw new LlmError(
            "http",
            `LLM endpoint ${host} answered HTTP ${res.statusCode}: ${hint}`,
            res.statusCode,
          );
        }
        const parsed = completionSchema.safeParse(safeJson(text));
        const content = parsed.success ? parsed.data.choices[0]?.message.content : undefined;
        if (!content)
          throw new LlmError(
            "bad_response",
            `LLM endpoint ${host} answered without choices[0].message.content (is it OpenAI-compatible?)`,
          );
        return content.trim();
      } catch (e) {
        // The caller gave up (client disconnected): not the endpoint's fault, pass the abort through.
        if (callOptions.signal?.aborted && !deadline.aborted) throw e;
        throw describeFailure(e, host, options.timeoutMs, deadline);
      }
    },
    close: () => dispatcher.close(),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
