/**
 * The web app manifest (vite-plugin-pwa writes it as manifest.webmanifest). Installed, Seams
 * opens .seams.json files from the operating system (`file_handlers`, handled in
 * launch-queue.ts), and the install dialog shows real screenshots of the app at 1280 × 720
 * (public/screenshot-*.png, taken by tests/e2e/launch.spec.ts with SEAMS_SHOTS=public).
 */
import type { ManifestOptions } from "vite-plugin-pwa";
import { JOURNEY_FILE_EXTENSION, JOURNEY_MEDIA_TYPE } from "../format/envelope.ts";

export const SCREENSHOTS = [
  {
    src: "screenshot-library.png",
    sizes: "1280x720",
    type: "image/png",
    form_factor: "wide",
    label: "The library of journeys on this computer, with the four samples",
  },
  {
    src: "screenshot-blueprint.png",
    sizes: "1280x720",
    type: "image/png",
    form_factor: "wide",
    label: "A service blueprint of the bereavement journey, with its handoffs marked",
  },
] satisfies ManifestOptions["screenshots"];

export const WEB_MANIFEST = {
  id: "./",
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
  file_handlers: [
    {
      action: "./",
      accept: {
        "application/json": [JOURNEY_FILE_EXTENSION],
        [JOURNEY_MEDIA_TYPE]: [JOURNEY_FILE_EXTENSION],
      },
    },
  ],
  screenshots: [...SCREENSHOTS],
} satisfies Partial<ManifestOptions>;
