import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { decodeSession } from "../shared/session.js";
import { App } from "./app.js";
import { loadSession } from "./session-store.js";

// One retry: enough for a blip, and a mem0 outage shows as an error within seconds rather than after minutes.
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

// A new sign-in link opened in the same tab changes only the fragment (no page load): start over with it.
window.addEventListener("hashchange", () => {
  if (decodeSession(window.location.hash)) window.location.reload();
});

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App session={loadSession()} />
    </QueryClientProvider>
  </StrictMode>,
);
