/**
 * Scripted faults for the loopback stub: a fault matches by method and path and either answers the next
 * matching requests from a list (one reply each, then it is gone) or answers through a function for as long
 * as it is installed (returning undefined lets the request through to the fake).
 */
import type { StubReply, StubRequest } from "./stub-types.js";

export interface Fault {
  method?: string;
  /** Exact path, or a pattern tested against the path (without query). */
  path?: string | RegExp;
  /** Replies used in order, one per matching request; when used up, the fault is gone. */
  replies?: StubReply[];
  /** A standing fault: answers every matching request it returns a reply for, until `clearFaults()`. */
  reply?: (req: StubRequest) => StubReply | undefined;
}

export class FaultList {
  private readonly faults: Fault[] = [];

  inject(fault: Fault): void {
    if (!fault.replies === !fault.reply) throw new Error("a fault needs exactly one of replies or reply");
    this.faults.push(fault.replies ? { ...fault, replies: [...fault.replies] } : { ...fault });
  }

  clear(): void {
    this.faults.splice(0);
  }

  /** The reply of the first installed fault that answers this request, if any. */
  take(req: StubRequest): StubReply | undefined {
    for (let i = 0; i < this.faults.length; i++) {
      const f = this.faults[i] as Fault;
      if (f.method && f.method !== req.method) continue;
      if (f.path && !(typeof f.path === "string" ? f.path === req.path : f.path.test(req.path))) continue;
      if (f.reply) {
        const reply = f.reply(req);
        if (reply) return reply;
        continue;
      }
      const replies = f.replies as StubReply[];
      const reply = replies.shift();
      if (replies.length === 0) this.faults.splice(i, 1);
      return reply;
    }
    return undefined;
  }
}
