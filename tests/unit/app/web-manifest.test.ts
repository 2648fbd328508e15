/** The web app manifest: a stable id, .seams.json files handled by the installed app, and
 * screenshots that are real 1280 × 720 PNGs in public/. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { WEB_MANIFEST } from "../../../src/app/web-manifest";

const PUBLIC = resolve(import.meta.dirname, "../../../public");

describe("the web app manifest", () => {
  it("has a stable id within its scope", () => {
    expect(WEB_MANIFEST.id).toBe("./");
    expect(WEB_MANIFEST.scope).toBe("./");
  });

  it("opens .seams.json files, as JSON or as Seams's own media type, in the app", () => {
    expect(WEB_MANIFEST.file_handlers).toEqual([
      {
        action: "./",
        accept: {
          "application/json": [".seams.json"],
          "application/vnd.seams.journey+json": [".seams.json"],
        },
      },
    ]);
  });

  it("shows wide screenshots that are PNG files of the size it says", () => {
    expect(WEB_MANIFEST.screenshots.length).toBeGreaterThanOrEqual(1);
    for (const shot of WEB_MANIFEST.screenshots) {
      expect(shot).toMatchObject({ type: "image/png", form_factor: "wide", sizes: "1280x720" });
      expect(shot.label.length).toBeGreaterThan(0);
      const png = readFileSync(resolve(PUBLIC, shot.src));
      expect(png.subarray(0, 8)).toEqual(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      );
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(shot.sizes);
    }
  });
});
