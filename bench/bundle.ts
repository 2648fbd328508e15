/**
 * The JavaScript the first screen needs: every script index.html loads or preloads before any
 * lazy chunk (module entry, modulepreload links, classic scripts), raw and gzip (level 9).
 * The lazy chunks are listed for context.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface BundleFile {
  file: string;
  bytes: number;
  gzip: number;
}

export interface BundleReport {
  initial: BundleFile[];
  initialBytes: number;
  initialGzip: number;
  lazy: BundleFile[];
}

const measure = (root: string, file: string): BundleFile => {
  const body = readFileSync(join(root, file));
  return { file, bytes: body.byteLength, gzip: gzipSync(body, { level: 9 }).byteLength };
};

export function bundleReport(siteDir: string): BundleReport {
  const html = readFileSync(join(siteDir, "index.html"), "utf8");
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) refs.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) refs.add(m[1]!);
  const initial = [...refs].map((ref) => measure(siteDir, ref.replace(/^\//, "")));
  const initialFiles = new Set(initial.map((f) => f.file));
  const lazy = readdirSync(join(siteDir, "assets"))
    .filter((f) => f.endsWith(".js") && !initialFiles.has(`assets/${f}`))
    .map((f) => measure(siteDir, `assets/${f}`))
    .sort((a, b) => b.gzip - a.gzip);
  return {
    initial,
    initialBytes: initial.reduce((s, f) => s + f.bytes, 0),
    initialGzip: initial.reduce((s, f) => s + f.gzip, 0),
    lazy,
  };
}
