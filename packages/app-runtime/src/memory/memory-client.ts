/** The typed memory client, from @automatos/memory/client (in process over a stack, or over HTTP through the gateway). */
export { createMemoryClient, type MemoryClient, type MemoryClientOptions } from "@automatos/memory/client";
