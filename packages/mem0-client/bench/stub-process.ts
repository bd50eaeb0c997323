/**
 * Child process for the P4 benchmark: the loopback fake of the self-hosted server, seeded with a few
 * memories, in its own process so that it does not share the client's event loop. Sends `{ url }` to the
 * parent once listening and exits when the parent disconnects.
 */
import { startServerFake } from "../src/testing/index.js";
import { BENCH_KEY, BENCH_USER } from "./bench-constants.js";

const fake = await startServerFake({ apiKey: BENCH_KEY, record: false });
fake.store.add(
  [
    "Prefers green tea in the morning",
    "Is allergic to peanuts",
    "Works remotely from Lisbon",
    "Has a dog named Pixel",
    "Green tea with honey, never sugar",
  ].map((content) => ({ role: "user", content })),
  { user_id: BENCH_USER },
  { source: "bench" },
);
process.send?.({ url: fake.url });
process.on("disconnect", () => {
  void fake.close().then(() => process.exit(0));
});
