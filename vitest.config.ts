import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"],
    environment: "node",
    setupFiles: ["tests/helpers/vitest.setup.ts"],
    testTimeout: 20_000,
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
  },
});
