/**
 * The zero-latency mem0 for the benchmarks, run in its own process (by gateway-overhead.ts, so its CPU does
 * not compete with the code being measured): the one fake mem0 server (@automatos/mem0-client/testing),
 * recording nothing, with a standing reply for `POST /search` of two fixed memories scoped to the caller's
 * user_id (as mem0 would), so a search costs the fake next to nothing. Probes and adds are the fake's own.
 * Nothing here is used by tests: those run against the real embedded mem0.
 */
import { startServerFake } from "@automatos/mem0-client/testing";

const STAMP = "2026-01-01T00:00:00.000000+00:00";
const memory = (i: number, userId: unknown) => ({
  id: `00000000-0000-4000-8000-00000000000${i}`,
  memory: `stub memory ${i}: the user prefers green tea in the morning`,
  hash: `hash${i}`,
  metadata: null,
  score: 0.9 - i * 0.1,
  created_at: STAMP,
  updated_at: STAMP,
  user_id: userId,
});

const fake = await startServerFake({ record: false, keep: false });
fake.inject({
  method: "POST",
  path: "/search",
  reply: (req) => {
    const userId = (req.body as { filters?: { user_id?: unknown } } | undefined)?.filters?.user_id;
    return { status: 200, body: { results: [memory(1, userId), memory(2, userId)] } };
  },
});
process.send?.({ url: fake.url });
process.on("disconnect", () => {
  void fake.close().then(() => process.exit(0));
});
