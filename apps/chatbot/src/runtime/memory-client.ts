/** The typed memory client, from @automatos/memory (in process, or over HTTP through the gateway). */
export { createMemoryClient, type MemoryClient, type MemoryClientOptions } from "@automatos/memory";
