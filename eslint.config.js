import path from "node:path";
import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import reactRefresh from "eslint-plugin-react-refresh";
import tseslint from "typescript-eslint";

/**
 * Import direction of each folder under src/, innermost first:
 * domain → format → collab, export → persistence, store → ui, analysis → canvas → panels → app; cli beside app.
 * A folder may import only folders inside it; the table lists what each one must not import.
 * Storage is wired in by app: store, canvas and panels reach it only through what app hands them.
 */
const REACT = ["react", "react-dom", "react/*", "react-dom/*"];
const XYFLOW = ["@xyflow/*"];
const ZUSTAND = ["zustand", "zustand/*"];
const DEXIE = ["dexie", "dexie-*"];
const PURE_LIBRARIES = [...REACT, ...XYFLOW, ...ZUSTAND, ...DEXIE];

const layers = {
  domain: {
    libraries: PURE_LIBRARIES,
    folders: ["format", "collab", "export", "persistence", "store", "ui", "analysis", "canvas", "panels", "app", "cli"],
    why: "domain is the pure model and its analysis",
  },
  format: {
    libraries: PURE_LIBRARIES,
    folders: ["collab", "export", "persistence", "store", "ui", "analysis", "canvas", "panels", "app", "cli"],
    why: "format reads and writes journey files on top of domain only",
  },
  collab: {
    libraries: PURE_LIBRARIES,
    folders: ["export", "persistence", "store", "ui", "analysis", "canvas", "panels", "app", "cli"],
    why: "collab keeps a journey in a shared Yjs document on top of domain and format only",
  },
  export: {
    libraries: PURE_LIBRARIES,
    folders: ["collab", "persistence", "store", "ui", "analysis", "canvas", "panels", "app", "cli"],
    why: "export turns a journey into SVG, CSV or print pages from domain and format only",
  },
  persistence: {
    libraries: [...REACT, ...XYFLOW, ...ZUSTAND],
    folders: ["store", "ui", "analysis", "canvas", "panels", "app", "cli"],
    why: "persistence keeps journeys in IndexedDB and knows nothing of the screen",
  },
  store: {
    libraries: [...XYFLOW, ...DEXIE],
    folders: ["persistence", "ui", "analysis", "canvas", "panels", "app", "cli"],
    why: "store holds the editing state; storage is handed to it by app",
  },
  ui: {
    libraries: [...XYFLOW, ...ZUSTAND, ...DEXIE],
    folders: ["format", "collab", "export", "persistence", "store", "analysis", "canvas", "panels", "app", "cli"],
    why: "ui holds plain form controls that know only the domain",
  },
  analysis: {
    libraries: [...XYFLOW, ...DEXIE],
    folders: ["persistence", "ui", "canvas", "panels", "app", "cli"],
    why: "analysis keeps the open journey's findings up to date from the store, for whatever shows them",
  },
  canvas: {
    libraries: DEXIE,
    folders: ["persistence", "panels", "app", "cli"],
    why: "canvas draws the journey from the store; panels and app sit around it",
  },
  panels: {
    libraries: DEXIE,
    folders: ["persistence", "app", "cli"],
    why: "panels work through the store; storage is wired in by app",
  },
  app: {
    libraries: [],
    folders: ["cli"],
    why: "the browser app does not use the command line",
  },
  cli: {
    libraries: PURE_LIBRARIES,
    folders: ["collab", "persistence", "store", "ui", "analysis", "canvas", "panels", "app"],
    why: "the command line runs in Node on domain, format and export only",
  },
};

/**
 * Which folder of src/ an import reaches, read from the resolved path (so src/analysis and
 * src/domain/analysis are told apart), reported when the importing folder's layer forbids it.
 */
const SRC = path.resolve(import.meta.dirname, "src");
const importDirectionRule = {
  meta: {
    type: "problem",
    schema: [
      {
        type: "object",
        properties: { folders: { type: "array", items: { type: "string" } }, why: { type: "string" } },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { folders, why } = context.options[0];
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== "string" || !source.startsWith(".")) return;
      const target = path.relative(SRC, path.resolve(path.dirname(context.filename), source));
      const folder = target.split(path.sep)[0];
      if (!target.startsWith("..") && folders.includes(folder)) {
        context.report({ node: node.source, message: `${why}: it must not import src/${folder}.` });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

const importDirection = ({ libraries, folders, why }) => {
  const rules = { "layers/import-direction": ["error", { folders, why }] };
  if (libraries.length > 0) {
    rules["no-restricted-imports"] = [
      "error",
      { patterns: [{ group: libraries, message: `${why}: no ${libraries.join(", ")} here.` }] },
    ];
  }
  return rules;
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
  ...Object.entries(layers).map(([folder, layer]) => ({
    files: [`src/${folder}/**/*.{ts,tsx}`],
    plugins: { layers: { rules: { "import-direction": importDirectionRule } } },
    rules: importDirection(layer),
  })),
  {
    files: ["**/*.{js,mjs}"],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
);
