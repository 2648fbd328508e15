/**
 * Files the operating system opens with the installed app (the manifest's `file_handlers`:
 * double-clicking a .seams.json file) arrive on `window.launchQueue`, where the browser has it.
 * They go through the same import as the "Open a file" picker, once the library has loaded, so
 * they are added as new journeys (or ask, when already in the library) and never replace work.
 */

/** What Chromium hands the app for one launch (the File Handling API). */
export interface LaunchParams {
  readonly files: readonly { getFile(): Promise<File> }[];
}

/** `window.launchQueue`, where the browser has it. */
export interface LaunchQueue {
  setConsumer(consumer: (params: LaunchParams) => void): void;
}

/**
 * Opens every file of each launch with `open`, after `ready` has settled. Files that cannot be
 * read are left out; a launch without files (the app started on its own) opens nothing.
 */
export function consumeLaunchedFiles(
  queue: LaunchQueue | undefined,
  ready: () => Promise<unknown>,
  open: (files: File[]) => void,
): void {
  queue?.setConsumer((params) => {
    void (async () => {
      const read = await Promise.allSettled(params.files.map((handle) => handle.getFile()));
      const files = read.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      if (files.length === 0) return;
      await ready().catch(() => undefined);
      open(files);
    })();
  });
}

/** The page's launch queue, where the browser has one. */
export function pageLaunchQueue(): LaunchQueue | undefined {
  return (window as Window & { launchQueue?: LaunchQueue }).launchQueue;
}
