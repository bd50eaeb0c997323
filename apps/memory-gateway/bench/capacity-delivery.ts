/**
 * Did every acknowledged remember reach mem0, and how long after its acknowledgement? Each remembered message
 * ends with a marker unique to its turn (`... [p11 u3 t7]`); at the end of a run every user's memories are
 * listed through the gateway and each acknowledged turn's markers are looked up. The lag of a turn is mem0's
 * own `created_at` of its last stored message (set by the engine just before it inserts the memory) minus
 * the wall-clock time the driver received the acknowledgement: the outbox's delay as the user would see it.
 * The outbox table has the same two timestamps, but no API exposes them per job while the gateway owns its
 * PGlite; mem0's timestamp also proves the memory is really there.
 */
import type { MemoryClient } from "@automatos/memory/client";
import { sleep } from "./capacity-calls.js";

export interface Ack {
  user: number;
  /** Every message of the turn ends with `[<marker>]`. */
  markers: string[];
  /** Date.now() when the remember was acknowledged. */
  ackAtMs: number;
}

export interface DeliveryCheck {
  acknowledged: number;
  /** Acknowledged turns with at least one message not found in mem0 at the check. */
  missingInMem0: number;
  /** Ms from acknowledgement to delivery per turn; a turn still missing counts as (check time - ack). */
  lagMs: number[];
  /** Memories found more than once for one marker (a remember stored twice). */
  duplicated: number;
  /** Delivered turns whose memories carry no `created_at` (their lag is unknown, left out of `lagMs`). */
  withoutTimestamp: number;
  checkedAtMs: number;
}

const MARKER = /\[([^\]]+)\]$/;
const LIST_LIMIT = 1_000;

/** Lists every user's memories (a few users at a time) and matches them against the acknowledgements. */
export async function checkDelivery(clients: MemoryClient[], acks: Ack[]): Promise<DeliveryCheck> {
  const found = new Map<string, number[]>(); // "<user>|<marker>" -> created_at (ms) of each memory carrying it
  const users = [...new Set(acks.map((a) => a.user))];
  for (let i = 0; i < users.length; i += 8) {
    await Promise.all(
      users.slice(i, i + 8).map(async (user) => {
        const client = clients[user];
        if (!client) throw new Error(`no client for user ${user}`);
        const listed = await client.memory.list.query({ limit: LIST_LIMIT });
        if (listed.truncated)
          throw new Error(`user ${user} has ${LIST_LIMIT}+ memories: the delivery check cannot see them all`);
        for (const m of listed.memories) {
          const marker = MARKER.exec(m.text)?.[1];
          if (!marker) continue;
          const key = `${user}|${marker}`;
          const at = m.createdAt ? Date.parse(m.createdAt) : Number.NaN;
          found.set(key, [...(found.get(key) ?? []), at]);
        }
      }),
    );
  }
  const checkedAtMs = Date.now();
  let missingInMem0 = 0;
  let duplicated = 0;
  let withoutTimestamp = 0;
  const lagMs: number[] = [];
  for (const ack of acks) {
    let deliveredAt = Number.NEGATIVE_INFINITY;
    let missing = false;
    for (const marker of ack.markers) {
      const times = found.get(`${ack.user}|${marker}`);
      if (!times || times.length === 0) {
        missing = true;
        continue;
      }
      duplicated += times.length - 1;
      deliveredAt = Math.max(deliveredAt, Math.min(...times));
    }
    if (missing) missingInMem0++;
    const lag = (missing ? checkedAtMs : deliveredAt) - ack.ackAtMs;
    if (Number.isNaN(lag)) withoutTimestamp++;
    else lagMs.push(lag);
  }
  return { acknowledged: acks.length, missingInMem0, lagMs, duplicated, withoutTimestamp, checkedAtMs };
}

export interface SettledDeliveryCheck {
  delivery: DeliveryCheck;
  /** Jobs pending or in flight in the outbox, read right after the (last) listing. */
  stillQueued: number;
  /** Turns missing from mem0 and no longer queued: lost (exact when `lostIsExact`, else an upper bound). */
  lost: number;
  /** 1, or 2 when the first listing found more turns missing than were queued right after it. */
  listings: number;
  /** Jobs pending or in flight when the second listing began (after waiting for none); null with one listing. */
  queuedBeforeLastListing: number | null;
  /**
   * `lost` counts only real losses: nothing was lost, or the last listing began with nothing pending or in
   * flight, so no delivery could land while it ran.
   */
  lostIsExact: boolean;
}

const SETTLE_POLL_MS = 250;

/**
 * checkDelivery, then the outbox's queue. After a drain wait that ran out, the relay keeps delivering while
 * the listing runs, so a turn can be missing from the listing and gone from the outbox a moment later. So when
 * the first listing finds more turns missing than are queued right after it, the check waits (up to
 * `settleWaitMs`) until nothing is pending or in flight and lists the users once more: a turn found then was
 * delivered late (its lag from mem0's own created_at), and one still missing with an empty outbox is lost.
 */
export async function checkDeliveryAgainstOutbox(
  clients: MemoryClient[],
  acks: Ack[],
  queuedNow: () => Promise<number>,
  settleWaitMs = 30_000,
): Promise<SettledDeliveryCheck> {
  let delivery = await checkDelivery(clients, acks);
  let stillQueued = await queuedNow();
  let queuedBefore: number | null = null;
  if (delivery.missingInMem0 > stillQueued) {
    const deadline = Date.now() + settleWaitMs;
    queuedBefore = stillQueued;
    while (queuedBefore > 0 && Date.now() < deadline) {
      await sleep(SETTLE_POLL_MS);
      queuedBefore = await queuedNow();
    }
    delivery = await checkDelivery(clients, acks);
    stillQueued = await queuedNow();
  }
  const lost = Math.max(0, delivery.missingInMem0 - stillQueued);
  return {
    delivery,
    stillQueued,
    lost,
    listings: queuedBefore === null ? 1 : 2,
    queuedBeforeLastListing: queuedBefore,
    lostIsExact: lost === 0 || queuedBefore === 0,
  };
}
