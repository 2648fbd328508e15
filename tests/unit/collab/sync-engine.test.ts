// @vitest-environment node
/**
 * The sync engine on the project's Node: a real Hocuspocus server on loopback with its
 * SQLite store, two clients editing one document, a third with the wrong join code.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { Server } from "@hocuspocus/server";
import { SQLite } from "@hocuspocus/extension-sqlite";
import WebSocket from "ws";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CODE = "join-7Q4K";

function until(check: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      if (check()) return resolve();
      if (Date.now() - started > 10_000) return reject(new Error(`gave up waiting: ${what}`));
      setTimeout(poll, 20);
    };
    poll();
  });
}

describe("Hocuspocus on this Node", () => {
  let dir: string;
  let server: Server;
  let url: string;
  const providers: HocuspocusProvider[] = [];

  const connect = (token: string, onRefused?: (reason: string) => void) => {
    const document = new Y.Doc();
    const provider = new HocuspocusProvider({
      websocketProvider: new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket }),
      name: "journey-1",
      document,
      token,
      onAuthenticationFailed: ({ reason }) => onRefused?.(reason),
    });
    provider.attach();
    providers.push(provider);
    return { document, provider };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "seams-sync-"));
    server = new Server({
      port: 0,
      address: "127.0.0.1",
      quiet: true,
      extensions: [new SQLite({ database: join(dir, "workshop.sqlite") })],
      async onAuthenticate({ token }) {
        if (token !== CODE) throw new Error("wrong join code");
      },
    });
    await server.listen();
    const { port } = server.httpServer.address() as AddressInfo;
    url = `ws://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    for (const provider of providers) {
      provider.destroy();
      provider.configuration.websocketProvider.destroy();
    }
    await server.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("carries one client's field edit to another and refuses a wrong code", async () => {
    const a = connect(CODE);
    const b = connect(CODE);
    await until(() => a.provider.isSynced && b.provider.isSynced, "both clients synced");

    const step = new Y.Map<string>();
    a.document.getMap<Y.Map<string>>("steps").set("s1", step);
    step.set("label", "Tell DVLA your new address");
    await until(() => b.document.getMap<Y.Map<string>>("steps").get("s1")?.get("label") !== undefined, "edit arrives");
    expect(b.document.getMap<Y.Map<string>>("steps").get("s1")?.get("label")).toBe("Tell DVLA your new address");

    let refused: string | null = null;
    const intruder = connect("guess", (reason) => (refused = reason));
    await until(() => refused !== null, "wrong code refused");
    expect(intruder.document.getMap("steps").size).toBe(0);
  });
});
