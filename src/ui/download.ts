/**
 * Saving a file to the user's computer from the browser: a Blob behind a temporary link.
 * Used by "Export a copy" when storage fails and by the Export menu.
 */

/** Characters no common file system accepts in a name, and control characters. */
const isUnsafe = (ch: string) =>
  ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f || '<>:"/\\|?*'.includes(ch);

/** A file name from a journey title: characters no file system accepts become a dash,
 * spaces are kept, and the name is never empty or longer than 100 characters. */
export function fileNameFor(title: string, extension: string): string {
  const cleaned = Array.from(title.normalize("NFC"), (ch) => (isUnsafe(ch) ? "-" : ch))
    .join("")
    .replace(/-{2,}/g, "-")
    .replace(/\s+/g, " ")
    .replace(/^[.\-\s]+|[.\s]+$/g, "");
  const base = Array.from(cleaned).slice(0, 100).join("").trim();
  return `${base || "journey"}${extension}`;
}

/** Offer `content` to the user as a download called `fileName`. */
export function downloadBlob(content: Blob, fileName: string): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
