/** The chatbot's validated configuration (built by env.ts from the environment, or by tests). */
import type { CommonConfig } from "@automatos/app-runtime";

export interface JwtSettings {
  /** HS256 key bytes; null when CHATBOT_JWT_SECRET is unset (the HTTP API then refuses to start). */
  secret: Uint8Array | null;
  issuer?: string;
  audience?: string;
  /** The claim holding the workspace id (`sub` holds the user id), the same default as the gateway. */
  workspaceClaim: string;
}

export interface ChatbotConfig extends CommonConfig {
  http: { host: string; port: number; maxBodyBytes: number };
  jwt: JwtSettings;
}
