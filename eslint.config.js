import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import reactRefresh from "eslint-plugin-react-refresh";
import tseslint from "typescript-eslint";

const uiLibraries = {
  patterns: [
    {
      group: ["react", "react-dom", "react/*", "react-dom/*", "@xyflow/*", "dexie", "dexie-*", "zustand", "zustand/*"],
      message: "domain and format are pure: no React, React Flow, Zustand or Dexie here.",
    },
    {
      group: ["**/store/**", "**/persistence/**", "**/canvas/**", "**/panels/**", "**/ui/**", "**/app/**"],
      message: "domain and format must not depend on outer layers.",
    },
  ],
};

export default tseslint.config(
  { ignores: ["dist", "dist-cli", "node_modules", "reports", "test-results", "playwright-report", "bench-results"] },
  {
    files: ["**/*.{ts,tsx}"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { "react-hooks": reactHooks, "react-refresh": reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "react-refresh/only-export-components": ["warn", { allowConstantExport: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // Playwright fixtures call `use`, which is not a React hook.
    files: ["tests/e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Hooks and providers share a file with the context they serve.
    files: ["src/store/**/*.tsx"],
    rules: { "react-refresh/only-export-components": "off" },
  },
  {
    files: ["src/domain/**/*.ts", "src/format/**/*.ts"],
    rules: { "no-restricted-imports": ["error", uiLibraries] },
  },
  {
    files: ["**/*.{js,mjs}"],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
);
