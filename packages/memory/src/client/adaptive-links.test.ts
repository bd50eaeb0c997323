import { createTRPCClient, type TRPCLink } from "@trpc/client";
import { initTRPC } from "@trpc/server";
import { observable } from "@trpc/server/observable";
import { describe, expect, it } from "vitest";
import { inFlightCounter } from "./adaptive-links.js";

const t = initTRPC.create();
const router = t.router({ ping: t.procedure.query(() => "pong") });
type R = typeof router;

/** A terminating link whose calls settle when the test says so: ok, or failed. */
function manualLink() {
  const pending: { ok: () => void; fail: () => void }[] = [];
  const link: TRPCLink<R> =
    () =>
    ({ op }) =>
      observable((observer) => {
        // As tRPC's HTTP links do: an aborted call fails.
        op.signal?.addEventListener("abort", () => observer.error(new Error("aborted") as never));
        pending.push({
          ok: () => {
            observer.next({ result: { type: "data", data: "pong" } });
            observer.complete();
          },
          fail: () => observer.error(new Error("boom") as never),
        });
      });
  return { link, pending };
}

describe("inFlightCounter", () => {
  it("counts calls from send until they settle, successes and failures alike", async () => {
    const counter = inFlightCounter<R>();
    const seenAtSend: number[] = [];
    const probe: TRPCLink<R> =
      () =>
      ({ next, op }) => {
        seenAtSend.push(counter.count());
        return next(op);
      };
    const manual = manualLink();
    const client = createTRPCClient<R>({ links: [counter.link, probe, manual.link] });

    const first = client.ping.query();
    const second = client.ping.query();
    const third = client.ping.query();
    // The current call is included: 1 when the client was idle, then 2 and 3.
    expect(seenAtSend).toEqual([1, 2, 3]);

    manual.pending[0]?.ok();
    await first;
    expect(counter.count()).toBe(2);
    manual.pending[1]?.fail();
    await expect(second).rejects.toThrow("boom");
    expect(counter.count()).toBe(1);
    manual.pending[2]?.ok();
    await third;
    expect(counter.count()).toBe(0);
  });

  it("an aborted call leaves the count", async () => {
    const counter = inFlightCounter<R>();
    const manual = manualLink();
    const client = createTRPCClient<R>({ links: [counter.link, manual.link] });
    const ac = new AbortController();
    const call = client.ping.query(undefined, { signal: ac.signal });
    expect(counter.count()).toBe(1);
    ac.abort();
    await expect(call).rejects.toThrow("aborted");
    expect(counter.count()).toBe(0);
  });
});
