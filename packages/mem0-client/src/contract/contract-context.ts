/** What every server-contract case gets: a client on the target, raw HTTP, and fresh throwaway scopes. */
import { randomUUID } from "node:crypto";
import { request } from "undici";
import { createMem0Client } from "../client.js";
import type { Mem0Client } from "../types.js";

export interface ContractTarget {
  baseUrl: string;
  apiKey: string;
}

export interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface ContractContext {
  target: ContractTarget;
  client: Mem0Client;
  /** A client with a wrong key, for the auth cases. */
  clientWithKey(apiKey: string): Mem0Client;
  /** A throwaway user id, cleaned up (deleteAll) after the suite. */
  freshUser(): string;
  /** A plain HTTP call to the target (no client logic), with the right key unless `apiKey: null`. */
  raw(method: string, path: string, init?: { body?: unknown; apiKey?: string | null }): Promise<RawReply>;
}

export function createContractContext(target: ContractTarget) {
  const users: string[] = [];
  const extraClients: Mem0Client[] = [];
  // No retries: the contract is about what the server answers, not about how we cope with it.
  const client = createMem0Client({
    baseUrl: target.baseUrl,
    apiKey: target.apiKey,
    retry: { maxAttempts: 1 },
  });
  const ctx: ContractContext = {
    target,
    client,
    clientWithKey(apiKey) {
      const c = createMem0Client({ baseUrl: target.baseUrl, apiKey, retry: { maxAttempts: 1 } });
      extraClients.push(c);
      return c;
    },
    freshUser() {
      const id = `contract-${randomUUID()}`;
      users.push(id);
      return id;
    },
    async raw(method, path, init = {}) {
      const headers: Record<string, string> = { accept: "application/json" };
      const key = init.apiKey === undefined ? target.apiKey : init.apiKey;
      if (key !== null) headers["x-api-key"] = key;
      let body: string | undefined;
      if (init.body !== undefined) {
        body = JSON.stringify(init.body);
        headers["content-type"] = "application/json";
      }
      const res = await request(`${target.baseUrl.replace(/\/+$/, "")}${path}`, {
        method: method as "GET",
        headers,
        body,
        headersTimeout: 30_000,
        bodyTimeout: 30_000,
      });
      return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
    },
  };
  const cleanup = async () => {
    for (const userId of users) await client.deleteAll({ userId }).catch(() => undefined);
    await Promise.all([client, ...extraClients].map((c) => c.close()));
  };
  return { ctx, cleanup };
}
