/**
 * The chatbot's configuration, validated once: the only file that reads process.env. Every problem is
 * reported at once (ConfigError names the variable and what is wrong, never a secret's value).
 */

import { ConfigError, intIn, optionalString, parseCommonEnv, validateEnv } from "@automatos/app-runtime";
import { z } from "zod";
import type { ChatbotConfig } from "./config.js";

const MIN_JWT_SECRET = 32;

const chatbotSchema = z.object({
  CHATBOT_HOST: optionalString.default("127.0.0.1"),
  CHATBOT_PORT: intIn(0, 65_535, 3000),
  CHATBOT_MAX_BODY_BYTES: intIn(1_024, 1024 * 1024, 64 * 1024),
  CHATBOT_JWT_SECRET: optionalString.refine((v) => v === undefined || v.length >= MIN_JWT_SECRET, {
    message: `must be at least ${MIN_JWT_SECRET} characters (HS256 needs a 256-bit key)`,
  }),
  CHATBOT_JWT_ISSUER: optionalString,
  CHATBOT_JWT_AUDIENCE: optionalString,
  CHATBOT_JWT_WORKSPACE_CLAIM: optionalString.default("workspace_id"),
});

/**
 * Validates an environment record. `purpose: "server"` also requires what the HTTP API needs (the JWT
 * secret that verifies users); the terminal chat runs without it in process.
 */
export function parseChatbotEnv(
  source: Record<string, string | undefined>,
  purpose: "server" | "cli" = "server",
): ChatbotConfig {
  const common = parseCommonEnv("chatbot", source);
  const own = validateEnv(chatbotSchema, source);
  const problems = [...common.problems, ...own.problems];
  if (own.data && purpose === "server" && !own.data.CHATBOT_JWT_SECRET)
    problems.push(
      "CHATBOT_JWT_SECRET: required to serve the HTTP API (the HS256 secret your identity provider signs user tokens with)",
    );
  if (problems.length > 0 || !common.config || !own.data) throw new ConfigError("chatbot", problems);
  const e = own.data;
  return {
    ...common.config,
    http: { host: e.CHATBOT_HOST, port: e.CHATBOT_PORT, maxBodyBytes: e.CHATBOT_MAX_BODY_BYTES },
    jwt: {
      secret: e.CHATBOT_JWT_SECRET ? new TextEncoder().encode(e.CHATBOT_JWT_SECRET) : null,
      workspaceClaim: e.CHATBOT_JWT_WORKSPACE_CLAIM,
      ...(e.CHATBOT_JWT_ISSUER ? { issuer: e.CHATBOT_JWT_ISSUER } : {}),
      ...(e.CHATBOT_JWT_AUDIENCE ? { audience: e.CHATBOT_JWT_AUDIENCE } : {}),
    },
  };
}

/** The process environment, validated. Only the entry points (main.ts, cli/chat.ts) call this. */
export function loadChatbotEnv(purpose: "server" | "cli" = "server"): ChatbotConfig {
  return parseChatbotEnv(process.env, purpose);
}

/** For the terminal chat only: a user token given in the environment (CHAT_USER_TOKEN), for the gateway. */
export function chatUserTokenFromEnv(): string | undefined {
  const v = process.env.CHAT_USER_TOKEN?.trim();
  return v ? v : undefined;
}
