import type { AddressInfo } from "node:net";
import { type ChatServerOptions, createChatServer } from "./server.js";

export interface RunningChatServer {
  url: string;
  close(): Promise<void>;
}

/** Listens on host:port (port 0 = a free one) and returns the base URL. */
export async function startChatServer(
  options: ChatServerOptions & { host: string; port: number },
): Promise<RunningChatServer> {
  const server = createChatServer(options);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { address, port, family } = server.address() as AddressInfo;
  const url = `http://${family === "IPv6" ? `[${address}]` : address}:${port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
