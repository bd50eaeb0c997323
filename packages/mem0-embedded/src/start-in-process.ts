/**
 * Starts PGlite + mem0 + the REST server in THIS process. Used by the engine's child process (the default
 * of startEmbeddedMem0) and by `pnpm mem0:embedded`, which are processes of their own.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as nextTimerTurn } from "node:timers/promises";
import {
  acquireLock,
  checkEmbedderIdentity,
  dataDirLayout,
  ensureDataDir,
  loadOrCreateApiKey,
} from "./data-dir.js";
import { createLocalEmbedder, DEFAULT_LOCAL_DIMENSIONS } from "./embedder/local-embedder.js";
import { MINILM_DIMENSIONS, type MiniLmPrecision, minilmEmbedderId } from "./embedder/minilm/identity.js";
import { createMiniLmEmbedder } from "./embedder/minilm-embedder.js";
import { createOpenAiCompatibleEmbedder } from "./embedder/openai-compatible-embedder.js";
import { createMem0Engine, type EngineEmbedder, type Mem0Engine } from "./engine/mem0-engine.js";
import { type PgliteHost, startPgliteHost } from "./engine/pglite-host.js";
import { DEFAULT_VECTOR_CACHE_MB, type EmbeddedMem0Options } from "./options.js";
import { createMem0HttpServer } from "./server/http-server.js";

export interface EmbeddedMem0 {
  url: string;
  apiKey: string;
  inference: "on" | "off";
  /** e.g. "all-minilm-l6-v2 (384 dims)" or "openai-compatible:text-embedding-3-small (1536 dims)". */
  embedder: string;
  close(): Promise<void>;
}

/**
 * A configured endpoint wins; otherwise the offline default, all-MiniLM-L6-v2 (its model is loaded here,
 * once per process). The lexical embedder only when asked for by name (measurement).
 */
export async function chooseEmbedder(options: EmbeddedMem0Options): Promise<EngineEmbedder> {
  if (options.embedder) return createOpenAiCompatibleEmbedder(options.embedder);
  if (options.localEmbedder === "lexical-v3")
    return createLocalEmbedder({
      dimensions: options.localDimensions ?? DEFAULT_LOCAL_DIMENSIONS,
      lexicon: options.localLexicon ?? true,
    });
  return createMiniLmEmbedder({ precision: minilmPrecisionOf(options) });
}

function minilmPrecisionOf(options: EmbeddedMem0Options): MiniLmPrecision {
  return options.localEmbedder === "minilm-fp32" ? "fp32" : "int8";
}

export async function startInProcess(options: EmbeddedMem0Options): Promise<EmbeddedMem0> {
  const layout = dataDirLayout(options.dataDir);
  ensureDataDir(layout);
  const releaseLock = acquireLock(layout);
  let host: PgliteHost | undefined;
  let engine: Mem0Engine | undefined;
  let embedder: EngineEmbedder | undefined;
  let server: Server | undefined;
  const stop = async () => {
    if (server) await closeServer(server);
    await engine?.close(); // mem0's pg clients first: the socket server must not drop them
    await host?.close();
    // The write worker's message port would otherwise keep the host process alive after the engine stopped.
    await embedder?.close?.();
    releaseLock();
    // A net.Server's close callback runs while libuv is still closing its handle (done in that loop turn's
    // close phase): seen under load, the socket server's handle was still listed right after close(). One
    // timer turn later every handle closed above is gone, so close() resolves with nothing left behind.
    await nextTimerTurn(0);
  };
  try {
    const apiKey = loadOrCreateApiKey(layout);
    // The model loads on onnxruntime's threads while PGlite starts on this one.
    const loading = chooseEmbedder(options);
    loading.catch(() => undefined); // awaited below; a refusal first must not leave it unhandled
    if (!options.embedder && options.localEmbedder !== "lexical-v3")
      checkEmbedderIdentity(layout, {
        name: minilmEmbedderId(minilmPrecisionOf(options)),
        dimensions: MINILM_DIMENSIONS,
      });
    host = await startPgliteHost(layout.pgDir);
    embedder = await loading;
    checkEmbedderIdentity(layout, { name: embedder.id, dimensions: embedder.dimensions });
    engine = await createMem0Engine({
      layout,
      db: host.db,
      connectionString: host.connectionString,
      embedder,
      llm: options.llm,
      vectorCacheMb: options.vectorCacheMb ?? DEFAULT_VECTOR_CACHE_MB,
    });
    const embedderName = `${embedder.id} (${embedder.dimensions} dims)`;
    server = createMem0HttpServer({
      engine,
      apiKey,
      ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
      info: {
        engine: "mem0ai/oss 3.3.1",
        vector_store: "pgvector on PGlite (PostgreSQL 18) via pglite-socket",
        embedder: { name: embedder.id, dimensions: embedder.dimensions },
        llm: options.llm ? { model: options.llm.model } : null,
        process_model: options.processModel ?? "in-process",
        data_dir: layout.root,
        shared_buffers_mb: host.sharedBuffersMb,
        embeddingCache: () => embedder?.cacheStats?.() ?? null,
      },
      onServerError: ({ requestId, method, path, error }) =>
        console.error(
          `[mem0-embedded] ${requestId} ${method} ${path}: ${(error as Error)?.message ?? error}`,
        ),
    });
    const s = server;
    await new Promise<void>((resolve, reject) => {
      s.once("error", reject);
      s.listen(options.port ?? 0, "127.0.0.1", () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    let closing: Promise<void> | undefined;
    return {
      url: `http://127.0.0.1:${port}`,
      apiKey,
      inference: engine.inference,
      embedder: embedderName,
      close: () => {
        closing ??= stop();
        return closing;
      },
    };
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
}

/** Stops accepting, lets in-flight requests finish (5 s at most), then drops what is left. */
async function closeServer(server: Server): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), 5_000);
  await closed;
  clearTimeout(timer);
}
