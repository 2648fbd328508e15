import { defineConfig } from "vite";

/**
 * The `seams` command line as plain JavaScript for Node (`npm run build:cli`): src/cli/bin.ts
 * and everything it imports (zod included) bundled into one file, dist-cli/seams.mjs, so an
 * installed package runs it with no TypeScript tooling and no other files.
 */
export default defineConfig({
  publicDir: false,
  ssr: { noExternal: true, target: "node" },
  build: {
    ssr: "src/cli/bin.ts",
    outDir: "dist-cli",
    emptyOutDir: true,
    target: "node20",
    minify: false,
    copyPublicDir: false,
    rolldownOptions: { output: { entryFileNames: "seams.mjs", format: "es" } },
  },
});
