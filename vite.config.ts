import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";

/** Registers the service worker in built pages only. A browser that refuses service workers
 * (some private modes) or a missing worker only loses offline use: the error is not thrown
 * into the page. */
function registerServiceWorker(): Plugin {
  return {
    name: "seams:register-service-worker",
    apply: "build",
    transformIndexHtml: () => [
      {
        tag: "script",
        injectTo: "head",
        children:
          "if ('serviceWorker' in navigator) addEventListener('load', () => " +
          "navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {}));",
      },
    ],
  };
}

export default defineConfig({
  plugins: [
    react(),
    // Offline and installable: a web app manifest, and a service worker (production builds
    // only, registered below) that precaches the whole built app, so it opens with no network
    // after the first visit. A new build takes over at once; journeys live in IndexedDB.
    VitePWA({
      registerType: "autoUpdate",
      injectRegister: false,
      includeAssets: ["favicon.svg", "apple-touch-icon.png"],
      manifest: {
        name: "Seams",
        short_name: "Seams",
        description:
          "A local-first service blueprint designer for citizen journeys that cross organisations.",
        lang: "en-GB",
        start_url: "./",
        scope: "./",
        display: "standalone",
        background_color: "#f3f2f1",
        theme_color: "#0b0c0c",
        icons: [
          { src: "icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "icon-512.png", sizes: "512x512", type: "image/png" },
          {
            src: "icon-maskable-512.png",
            sizes: "512x512",
            type: "image/png",
            purpose: "maskable",
          },
          { src: "icon.svg", sizes: "any", type: "image/svg+xml" },
        ],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest}"],
        // Every chunk must be cached, the largest (ELK layout, about 1.5 MB) included.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: "index.html",
        cleanupOutdatedCaches: true,
      },
    }),
    registerServiceWorker(),
  ],
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 900,
  },
  preview: { port: 4180, strictPort: true },
});
