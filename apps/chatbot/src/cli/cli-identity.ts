/**
 * Who the terminal chat acts for. In process the flags are enough (the terminal is the local operator's).
 * Through the gateway the user must prove it with a token: --token, else CHAT_USER_TOKEN, else one signed
 * locally with CHATBOT_JWT_SECRET (development setups where this machine holds the identity secret).
 */

import { type Identity, signUserToken } from "@automatos/app-runtime";
import type { ChatbotConfig } from "../config.js";
import type { ChatOptions } from "./chat-options.js";

export async function resolveCliIdentity(
  options: ChatOptions,
  config: Pick<ChatbotConfig, "memory" | "jwt">,
  envToken: string | undefined,
): Promise<Identity | null> {
  const identity: Identity = { workspaceId: options.workspaceId, userId: options.userId };
  if (config.memory.kind !== "gateway") return identity;
  const secret = config.jwt.secret;
  const token =
    options.token ??
    envToken ??
    (secret
      ? await signUserToken(secret, identity, { workspaceClaim: config.jwt.workspaceClaim })
      : undefined);
  return token ? { ...identity, userToken: token } : null;
}
