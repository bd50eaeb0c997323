/**
 * The memory page in a real browser (Debian's headless Chromium driven by playwright-core) against the real
 * stack on loopback: the gateway's own command in a child process on the embedded mem0 and PGlite, serving the built page at /console/, with
 * the demo memories seeded through the apps' typed client. Screenshots go to artifacts/ (gitignored).
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createMemoryClient } from "@automatos/memory/client";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPage } from "../src/build/build-page.js";
import { DEMO_AGENT, DEMO_USERS, DEMO_WORKSPACE } from "../src/launcher/demo-data.js";
import { signDevJwt } from "../src/launcher/dev-credentials.js";
import { type RunningConsole, startConsole } from "../src/launcher/start-console.js";
import { systemChromium } from "./helpers/chromium.js";
import { seedDeadLetter } from "./helpers/dead-letter.js";
import { mem0Memory } from "./helpers/mem0-direct.js";
import { count, hasText, visible } from "./helpers/waits.js";

const ARTIFACTS = resolve(dirname(fileURLToPath(import.meta.url)), "../artifacts");
const aliceTexts = DEMO_USERS.alice.map((m) => m.text);
const bobTexts = DEMO_USERS.bob.map((m) => m.text);
/** A remember the relay gave up on (seeded into the gateway's database before it starts), for the operator. */
const DEAD_TEXT = "Alice's dentist appointment is on Tuesday at 10";
let deadJob: string;

let work: string;
let running: RunningConsole;
let browser: Browser;
let page: Page;

/** The chatbot's typed client for alice, as the app holds it. */
async function aliceChatbot() {
  return createMemoryClient({
    source: "console-test",
    gatewayUrl: `${running.gatewayUrl}/trpc`,
    serviceToken: running.credentials.tokens.chatbot,
    userToken: await signDevJwt(running.credentials, { workspaceId: DEMO_WORKSPACE, userId: "alice" }),
  });
}

/** Alice's own memories' texts, through the chatbot's token. */
async function aliceOwnTexts(): Promise<string[]> {
  const listed = await (await aliceChatbot()).memory.list.query({ scopes: ["user"] });
  return listed.memories.map((m) => m.text);
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Nothing of bob's may ever be on alice's page (nor the reverse). */
async function expectNone(texts: string[]): Promise<void> {
  const body = (await page.locator("body").textContent()) ?? "";
  for (const text of texts) expect(body, `"${text}" must not show`).not.toContain(text);
}

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  work = await mkdtemp(join(tmpdir(), "memory-console-test-"));
  const pageDir = await buildPage(join(work, "page"));
  deadJob = await seedDeadLetter(join(work, "data", "gateway"), {
    mem0UserId: `workspace_${DEMO_WORKSPACE}_user_alice`,
    text: DEAD_TEXT,
  });
  running = await startConsole({ pageDir, dataDir: join(work, "data") });
  browser = await chromium.launch({ executablePath: systemChromium(), args: ["--no-sandbox"] });
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.setDefaultTimeout(30_000);
});

afterAll(async () => {
  await browser?.close();
  await running?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("the memory page", () => {
  it("signs alice in and shows her seeded memories by scope, and none of bob's", async () => {
    expect(running.seeded).toBe(aliceTexts.length + bobTexts.length);
    await page.goto(await running.signInLink("alice"));
    await hasText(page.getByText("Signed in as"), "alice");
    // The tokens leave the address bar once read.
    expect(new URL(page.url()).hash).toBe("");
    const own = page.getByRole("region", { name: /Your own memories/ });
    const agent = page.getByRole("region", { name: /trip-planner/ });
    for (const m of DEMO_USERS.alice) {
      const region = m.scope === "user" ? own : agent;
      await visible(region.getByText(m.text));
    }
    await visible(own.getByText("from chatbot").first());
    await visible(agent.getByText("from agents").first());
    await expectNone(bobTexts);
    await shot("01-alice-memories");
  });

  it("holds only the page's own token (app console), which reaches alice's scopes and nothing shared", async () => {
    const stored = (await page.evaluate("JSON.stringify(Object.values(sessionStorage))")) as string;
    expect(stored).toContain(running.credentials.tokens.console);
    for (const app of ["chatbot", "agents", "admin"] as const)
      expect(stored, `${app} token in the page`).not.toContain(running.credentials.tokens[app]);
    const asPage = (agentId?: string) =>
      signDevJwt(running.credentials, { workspaceId: DEMO_WORKSPACE, userId: "alice" }).then((userToken) =>
        createMemoryClient({
          source: "console-test",
          gatewayUrl: `${running.gatewayUrl}/trpc`,
          serviceToken: running.credentials.tokens.console,
          userToken,
          ...(agentId ? { agentId } : {}),
        }),
      );
    // The agent's shared memory (all its users) and bulk forget are refused; an ungranted agent is refused.
    const withAgent = await asPage(DEMO_AGENT);
    await expect(withAgent.memory.list.query({ scopes: ["agent"] })).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
    await expect(
      withAgent.memory.forget.mutate({ kind: "user", workspaceId: DEMO_WORKSPACE, userId: "bob" }),
    ).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    await expect((await asPage("meeting-scribe")).memory.list.query({})).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
  });

  it("searches through memory.search", async () => {
    await page.getByLabel("Search your memories").fill("vegetarian food");
    await page.getByLabel("Search your memories").press("Enter");
    const results = page.getByRole("list", { name: /Results for vegetarian food/ });
    await visible(results.getByText("Alice is vegetarian and avoids mushrooms"));
    await expectNone(bobTexts);
    await shot("02-search");
    await page.getByRole("button", { name: "Clear" }).click();
  });

  it("corrects a memory's text and shows it in its history", async () => {
    const own = page.getByRole("region", { name: /Your own memories/ });
    const row = own.getByRole("listitem").filter({ hasText: "Alice lives in Lisbon" });
    await row.getByRole("button", { name: "Correct" }).click();
    // In edit mode the text is in the textarea, so the row is found again through its label.
    await own.getByLabel("Corrected text").fill("Alice lives in Porto and works as a nurse");
    await own.getByRole("button", { name: "Save" }).click();
    const corrected = own.getByRole("listitem").filter({ hasText: "Alice lives in Porto" });
    await visible(corrected);
    await count(own.getByText("Alice lives in Lisbon and works as a nurse"), 0);
    await corrected.getByRole("button", { name: "History" }).click();
    const history = corrected.getByRole("list", { name: "History of this memory" });
    await hasText(history, "update");
    await hasText(history.locator("del"), "Alice lives in Lisbon and works as a nurse");
    await shot("03-corrected-history");
  });

  it("deletes one memory, and it is gone from mem0", async () => {
    const text = "Alice prefers short answers with bullet points";
    const before = await (await aliceChatbot()).memory.list.query({ scopes: ["user"] });
    const id = before.memories.find((m) => m.text === text)?.id as string;
    expect(id).toBeTruthy();
    expect(await mem0Memory(running.mem0, id)).not.toBeNull();

    const row = page.getByRole("listitem").filter({ hasText: text });
    await row.getByRole("button", { name: "Delete" }).click();
    await row.getByRole("button", { name: "Yes, delete it" }).click();
    await count(page.getByText(text), 0);
    expect(await mem0Memory(running.mem0, id)).toBeNull();
  });

  it("is usable on a narrow screen with the keyboard", async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload(); // the session stays in this tab's sessionStorage
    await visible(page.getByRole("region", { name: /Your own memories/ }));
    // Keyboard: Tab reaches the search box; typing and Enter searches.
    await page.getByRole("button", { name: "My memories" }).focus();
    for (let i = 0; i < 8; i++) {
      if ((await page.evaluate("document.activeElement && document.activeElement.id")) === "search-input")
        break;
      await page.keyboard.press("Tab");
    }
    await page.keyboard.type("passport");
    await page.keyboard.press("Enter");
    await hasText(page.getByRole("list", { name: /Results for passport/ }), "passport");
    const overflow = await page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
    expect(overflow, "no horizontal scrolling at 375 px").toBe(false);
    await shot("04-narrow");
    await page.setViewportSize({ width: 1100, height: 900 });
  });

  it("shows bob his own memories and none of alice's", async () => {
    await page.goto(await running.signInLink("bob"));
    await hasText(page.getByText("Signed in as"), "bob");
    for (const text of bobTexts) await visible(page.getByText(text));
    await expectNone([...aliceTexts, "Alice lives in Porto and works as a nurse"]);
  });

  it("forgets everything about bob after confirmation, with progress", async () => {
    await page.getByRole("button", { name: "Forget everything about me…" }).click();
    const go = page.getByRole("button", { name: "Forget everything", exact: true });
    expect(await go.isDisabled()).toBe(true);
    await page.getByLabel(/I understand/).check();
    await go.click();
    await visible(page.getByText(/Done: every scope is erased/));
    await shot("05-forgotten");
    for (const text of bobTexts) await count(page.getByText(text), 0);
    await count(page.getByText("Nothing is remembered here."), 2);
  });

  it("lists a dead letter and retries it after confirmation; the relay delivers it to mem0", async () => {
    expect(await aliceOwnTexts()).not.toContain(DEAD_TEXT);
    await page.goto(await running.operatorLink());
    const dead = page.getByRole("region", { name: "Dead letters" });
    await hasText(dead, deadJob);
    await hasText(dead, "mem0 answered 503 (test)");
    expect((await dead.textContent()) ?? "", "a dead letter shows no user text").not.toContain(DEAD_TEXT);
    await dead.getByRole("button", { name: /Retry this dead letter/ }).click();
    await shot("06-operator-dead-letter");
    await dead.getByRole("button", { name: "Yes, retry them" }).click();
    await hasText(dead, /Retried 1: back in the outbox/);
    await visible(dead.getByText("No dead letters in this workspace."));
    await expect.poll(aliceOwnTexts, { timeout: 30_000, interval: 250 }).toContain(DEAD_TEXT);
  });

  it("shows the operator mem0, the outbox and the engine, then mem0 down as down", async () => {
    await page.goto(await running.operatorLink());
    await visible(page.getByText("mem0 is up"));
    // The gateway runs as its own process on the launcher's embedded mem0, which it does not supervise.
    const engine = page.getByRole("region", { name: "Embedded engine" });
    await hasText(engine, "No embedded engine");
    await hasText(page.getByRole("region", { name: "Outbox" }), "Dead letters");
    await shot("07-operator");

    await running.mem0.close(); // mem0 stopped for good: its supervisor does not restart it
    await page.reload();
    await visible(page.getByText("mem0 is DOWN: not answering"));
    await shot("08-operator-mem0-down");

    // The user's view says mem0 is down rather than showing an empty list.
    await page.goto(await running.signInLink("alice"));
    await hasText(page.getByRole("alert").first(), "not answering");
    await count(page.getByText("Nothing is remembered here."), 0);
    await shot("09-user-mem0-down");
  });
});
