import type { Locator } from "playwright-core";
import { expect } from "vitest";

/** playwright-core has no test runner assertions: these wait like them, through vitest's expect.poll. */
const WAIT = { timeout: 30_000, interval: 100 };

export async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: "visible", timeout: WAIT.timeout });
}

export async function count(locator: Locator, n: number): Promise<void> {
  await expect.poll(() => locator.count(), WAIT).toBe(n);
}

export async function hasText(locator: Locator, text: string | RegExp): Promise<void> {
  await expect
    .poll(
      () =>
        locator
          .first()
          .textContent()
          .then(
            (t) => t ?? "",
            () => "",
          ),
      WAIT,
    )
    .toMatch(typeof text === "string" ? new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) : text);
}
