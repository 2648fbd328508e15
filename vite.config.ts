import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";
import { WEB_MANIFEST } from "./src/app/web-manifest.ts";

export default defineConfig({
  plugins: [
    react(),
    // Offline and installable: a web app manifest, and a service worker (registered by the app
    // in production builds, src/app/service-worker.ts) that precaches the whole built app, so it
    // opens with no network after the first visit. A new build waits until the user takes it.
    VitePWA({
      registerType: "prompt",
      injectRegister: false,
      includeAssets: ["favicon.svg", "apple-touch-icon.png"],
      manifest: WEB_MANIFEST,
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest}"],
        // The install dialog's screenshots are not part of the app.
        globIgnores: ["screenshot-*.png"],
        // Every chunk must be cached, the largest (ELK layout, about 1.5 MB) included.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: "index.html",
        cleanupOutdatedCaches: true,
        // The first worker takes charge of the page that installed it, so its on-demand parts
        // already come from the cache; later ones wait (registerType "prompt").
        clientsClaim: true,
      },
    }),
  ],
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 900,
  },
  preview: { port: 4180, strictPort: true },
});
