// Makes sure the browser tests have a Chromium before they run, so they are never skipped.
// Installs Debian's chromium when running as root on Debian; otherwise explains how to get one.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { findChromium } from "./chromium.mjs";

const found = findChromium();
if (found) {
  process.exit(0);
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const isDebian = existsSync("/etc/debian_version") && existsSync("/usr/bin/apt-get");
if (isRoot && isDebian) {
  console.log("No Chromium found: installing Debian's chromium package (about 30 s)…");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", {
    stdio: "inherit",
  });
  if (findChromium()) process.exit(0);
}

console.error(
  [
    "The browser tests need Chromium, and none was found.",
    "  - set CHROMIUM_PATH to a Chromium or Chrome binary, or",
    "  - on Debian/Ubuntu: sudo apt-get install chromium, or",
    "  - elsewhere: npx playwright install chromium",
  ].join("\n"),
);
process.exit(1);
