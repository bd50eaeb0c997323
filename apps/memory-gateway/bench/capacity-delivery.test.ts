import type { MemoryClient } from "@automatos/memory/client";
import { describe, expect, it } from "vitest";
import { type Ack, checkDeliveryAgainstOutbox } from "./capacity-delivery.js";

const STAMP = "2026-12-07T05:00:00.000Z";
const ack: Ack = { user: 0, markers: ["p11 u0 t0", "p11 u0 t0 reply"], ackAtMs: Date.parse(STAMP) - 1_000 };

/** A user's client whose listings answer, in turn, the memories of `rounds` (a stand-in for the gateway). */
function listingClient(rounds: string[][]): { client: MemoryClient; listings: () => number } {
  let listed = 0;
  const query = async () => {
    const texts = rounds[Math.min(listed, rounds.length - 1)] ?? [];
    listed++;
    return { memories: texts.map((text) => ({ text, createdAt: STAMP })), truncated: false };
  };
  return { client: { memory: { list: { query } } } as unknown as MemoryClient, listings: () => listed };
}

const twoAcks: Ack[] = [ack, { user: 0, markers: ["p11 u0 t1", "p11 u0 t1 reply"], ackAtMs: ack.ackAtMs }];
const both = ["I like tea [p11 u0 t0]", "Noted [p11 u0 t0 reply]"];
const userOnly = ["I like tea [p11 u0 t0]"];

describe("the delivery check against the outbox", () => {
  it("lists once when every acknowledged turn is in mem0", async () => {
    const { client, listings } = listingClient([both]);
    const checked = await checkDeliveryAgainstOutbox([client], [ack], async () => 0);
    expect(checked).toMatchObject({ lost: 0, listings: 1, stillQueued: 0, lostIsExact: true });
    expect(listings()).toBe(1);
  });

  it("lists again when a missing turn is not queued either: delivered while the first listing ran", async () => {
    const { client } = listingClient([userOnly, both]);
    const checked = await checkDeliveryAgainstOutbox([client], [ack], async () => 0);
    expect(checked).toMatchObject({ lost: 0, listings: 2 });
    expect(checked.delivery.missingInMem0).toBe(0);
    expect(checked.delivery.lagMs).toEqual([1_000]);
  });

  it("counts a turn still missing after the second listing, with nothing queued before it, as lost for sure", async () => {
    const { client } = listingClient([userOnly, userOnly]);
    const checked = await checkDeliveryAgainstOutbox([client], [ack], async () => 0);
    expect(checked).toMatchObject({ lost: 1, listings: 2, queuedBeforeLastListing: 0, lostIsExact: true });
  });

  it("waits for the outbox to empty before the second listing, so no delivery races it", async () => {
    const { client, listings } = listingClient([
      userOnly,
      [...both, "Tea [p11 u0 t1]", "Ok [p11 u0 t1 reply]"],
    ]);
    const queue = [1, 1, 1, 0, 0];
    let reads = 0;
    const listingsAtRead: number[] = [];
    const checked = await checkDeliveryAgainstOutbox([client], twoAcks, async () => {
      listingsAtRead.push(listings());
      return queue[Math.min(reads++, queue.length - 1)] as number;
    });
    expect(listingsAtRead).toEqual([1, 1, 1, 1, 2]);
    expect(checked).toMatchObject({ lost: 0, listings: 2, queuedBeforeLastListing: 0, lostIsExact: true });
    expect(checked.delivery.missingInMem0).toBe(0);
  });

  it("says the count is only an upper bound when the outbox never emptied before the second listing", async () => {
    const { client } = listingClient([[], []]);
    const checked = await checkDeliveryAgainstOutbox([client], twoAcks, async () => 1, 300);
    expect(checked).toMatchObject({ lost: 1, listings: 2, queuedBeforeLastListing: 1, lostIsExact: false });
  });

  it("does not list again while the missing turns are still queued", async () => {
    const { client, listings } = listingClient([userOnly]);
    const checked = await checkDeliveryAgainstOutbox([client], [ack], async () => 1);
    expect(checked).toMatchObject({ lost: 0, listings: 1, stillQueued: 1 });
    expect(listings()).toBe(1);
  });
});
