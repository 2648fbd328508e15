/**
 * The benchmark's own pages (bare React Flow, and the lab that drives the app's storage and
 * analysis code in the browser), built with production settings into the folder served
 * beside the app's production build, so they share its origin (and its IndexedDB).
 */
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here("."),
  base: "/bench/",
  plugins: [react()],
  logLevel: "warn",
  build: {
    target: "es2022",
    outDir: here("../bench-results/site/bench"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      input: { bare: here("bare/index.html"), lab: here("lab/index.html") },
    },
  },
});
