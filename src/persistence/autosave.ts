/**
 * Autosave: keeps IndexedDB at most one debounce window behind the journey in memory.
 * Framework-free: the app calls `begin` after loading a journey and `track` on every change
 * (a store subscription). Saves go through `repository.saveChanges(lastSaved, pending)`, so
 * only changed records are written; after any failed write the next write is a full snapshot.
 */
import type { Journey } from "../domain/model";
import { describeStorageError, ReadOnlyError, storageErrorMessage, unwrap } from "./errors";
import type { StorageErrorInfo } from "./errors";
import type { JourneyRepository } from "./repository";

export type SaveStatus = "saved" | "saving" | "unsaved" | "error";

export interface AutosaveState {
  status: SaveStatus;
  error: StorageErrorInfo | null;
  /** No writes at all: data from a newer version, or the schema changed in another tab. */
  readOnly: boolean;
  lastSavedAt: Date | null;
}

/** Where page lifecycle events come from (defaults to the global document and window). */
export interface LifecycleTargets {
  document?: (EventTarget & { visibilityState?: string }) | null;
  window?: EventTarget | null;
}

export interface AutosaveOptions {
  /** null: IndexedDB is unavailable; the journey is kept in memory only. */
  repository: JourneyRepository | null;
  debounceMs?: number;
  /** Longest time an edit waits while edits keep coming. */
  maxWaitMs?: number;
  onStatus?: (state: AutosaveState) => void;
  /** First retry delay after a failed write; doubles up to retryMaxMs. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  lifecycle?: LifecycleTargets;
}

type Timer = ReturnType<typeof setTimeout>;

export class Autosave {
  private readonly repository: JourneyRepository | null;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;
  private readonly onStatus: ((state: AutosaveState) => void) | undefined;
  private journeyId: string | null = null;
  private lastSaved: Journey | null = null;
  private pending: Journey | null = null;
  private sawSteps = false;
  private epoch = 0;
  private firstUnsavedAt = 0;
  private timer: Timer | null = null;
  private retryTimer: Timer | null = null;
  private retryDelay: number;
  private inFlight: Promise<boolean> | null = null;
  private current: AutosaveState = {
    status: "saved",
    error: null,
    readOnly: false,
    lastSavedAt: null,
  };
  private readonly cleanups: (() => void)[] = [];

  constructor(options: AutosaveOptions) {
    this.repository = options.repository;
    this.debounceMs = options.debounceMs ?? 300;
    this.maxWaitMs = options.maxWaitMs ?? Math.max(this.debounceMs, 500);
    this.retryBaseMs = options.retryBaseMs ?? 1000;
    this.retryMaxMs = options.retryMaxMs ?? 30_000;
    this.retryDelay = this.retryBaseMs;
    this.onStatus = options.onStatus;
    this.listenToLifecycle(options.lifecycle);
    const repo = this.repository;
    if (repo) {
      if (repo.readOnlyReason) this.enterReadOnly(new ReadOnlyError(repo.readOnlyReason));
      this.cleanups.push(repo.onReadOnly((r) => this.enterReadOnly(new ReadOnlyError(r))));
    }
  }

  get state(): AutosaveState {
    return this.current;
  }

  /** The journey as this tab last wrote or read it (null: the next write is a full snapshot). */
  get baseline(): Journey | null {
    return this.lastSaved;
  }

  /** Start saving `journey`, which has just been loaded (or created) and is already stored.
   * Nothing is written before this call. With `fullSnapshot` (the load repaired data), the
   * first save rewrites the whole journey. */
  async begin(journey: Journey, opts: { fullSnapshot?: boolean } = {}): Promise<void> {
    if (this.journeyId !== null && this.journeyId !== journey.id) await this.flush();
    this.clearTimers();
    this.journeyId = journey.id;
    this.lastSaved = opts.fullSnapshot ? null : journey;
    this.pending = null;
    this.sawSteps = journey.steps.length > 0;
    this.epoch = this.repository?.connectionEpoch ?? 0;
    this.retryDelay = this.retryBaseMs;
    if (!this.current.readOnly && this.repository) this.update({ status: "saved", error: null });
    if (!this.repository) this.update({ status: "error", error: unavailable() });
  }

  /** Call on every change of the journey in memory. Ignored before `begin`, and for another
   * journey than the one begun (call `begin` to switch). */
  track(journey: Journey): void {
    if (this.journeyId !== journey.id) return;
    if (journey === (this.pending ?? this.lastSaved)) return;
    if (!this.pending) this.firstUnsavedAt = Date.now();
    this.pending = journey;
    if (journey.steps.length > 0) this.sawSteps = true;
    if (this.current.readOnly) return;
    if (!this.repository) return this.update({ status: "error", error: unavailable() });
    if (this.current.status !== "error") this.update({ status: "unsaved" });
    if (!this.retryTimer) this.schedule();
  }

  /** The database now holds `stored` (another tab wrote it): diff the next save against it. */
  rebase(stored: Journey): void {
    if (this.lastSaved !== null && stored.id === this.journeyId) this.lastSaved = stored;
  }

  /** Write whatever is pending now; resolves when it is written or has failed. Never throws. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (let attempts = 0; attempts < 3; attempts++) {
      if (this.inFlight) await this.inFlight;
      if (!this.pending || this.current.readOnly || !this.repository) return;
      if (!(await this.save())) return;
    }
  }

  /** Stop listening and cancel timers (pending changes are not written: flush first). */
  dispose(): void {
    this.clearTimers();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    const untilDeadline = this.firstUnsavedAt + this.maxWaitMs - Date.now();
    const delay = Math.max(0, Math.min(this.debounceMs, untilDeadline));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.save();
    }, delay);
  }

  /** One write of the pending journey. Resolves true when it was written. */
  private save(): Promise<boolean> {
    if (this.inFlight) return this.inFlight.then(() => this.save());
    const repo = this.repository;
    const next = this.pending;
    if (!repo || !next || this.current.readOnly) return Promise.resolve(false);
    const epoch = repo.connectionEpoch;
    const prev = epoch === this.epoch ? this.lastSaved : null;
    this.update({ status: "saving" });
    const run = repo
      .saveChanges(prev, next, { allowEmpty: this.sawSteps })
      .then(() => {
        this.lastSaved = next;
        this.epoch = epoch;
        if (this.pending === next) this.pending = null;
        this.retryDelay = this.retryBaseMs;
        const status = this.pending ? "unsaved" : "saved";
        this.update({ status, error: null, lastSavedAt: new Date() });
        if (this.pending) {
          this.firstUnsavedAt = Date.now();
          this.schedule();
        }
        return true;
      })
      .catch((thrown: unknown) => {
        this.lastSaved = null; // after any failed write, the next one is a full snapshot
        const e = unwrap(thrown);
        if (e instanceof ReadOnlyError) {
          this.enterReadOnly(e);
          return false;
        }
        const error = describeStorageError(e);
        this.update({ status: "error", error });
        if (error.kind !== "unavailable") this.scheduleRetry();
        return false;
      })
      .finally(() => {
        this.inFlight = null;
      });
    this.inFlight = run;
    return run;
  }

  private scheduleRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(this.retryDelay * 2, this.retryMaxMs);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.save();
    }, delay);
  }

  private enterReadOnly(e: ReadOnlyError): void {
    this.clearTimers();
    this.update({ status: "error", error: describeStorageError(e), readOnly: true });
  }

  private clearTimers(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.timer = this.retryTimer = null;
  }

  private update(patch: Partial<AutosaveState>): void {
    const next = { ...this.current, ...patch };
    const same =
      next.status === this.current.status &&
      next.error === this.current.error &&
      next.readOnly === this.current.readOnly &&
      next.lastSavedAt === this.current.lastSavedAt;
    if (same) return;
    this.current = next;
    this.onStatus?.(next);
  }

  /** Start a flush when the page is hidden or being left: the only dependable rule is to
   * have saved already, so this only shortens the last debounce window. */
  private listenToLifecycle(targets: LifecycleTargets | undefined): void {
    const doc = targets ? targets.document : (globalThis as { document?: Document }).document;
    const win = targets ? targets.window : (globalThis as { window?: Window }).window;
    if (doc) {
      const onVisibility = () => {
        if (doc.visibilityState === "hidden") void this.flush();
      };
      doc.addEventListener("visibilitychange", onVisibility);
      this.cleanups.push(() => doc.removeEventListener("visibilitychange", onVisibility));
    }
    if (win) {
      const onPageHide = () => void this.flush();
      win.addEventListener("pagehide", onPageHide);
      this.cleanups.push(() => win.removeEventListener("pagehide", onPageHide));
    }
  }
}

function unavailable(): StorageErrorInfo {
  return { kind: "unavailable", message: storageErrorMessage("unavailable") };
}
