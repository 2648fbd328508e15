/**
 * One open journey bound to its shared document. The editor's changes go in as transactions
 * with this binding's own origin; changes from anywhere else (another tab, another laptop in
 * the workshop, the copy kept offline in this browser) come out as a fresh read of the journey
 * in which records that did not change keep their objects.
 *
 * Undo and redo take back only this person's own changes (a Y.UndoManager that tracks this
 * binding's origin alone), one change per step: an edit someone else made in between stays.
 */
import * as Y from "yjs";
import { COLLAB_KIND_NAMES, type CollabRef } from "./layout";
import { JourneyReader, type CollabRead } from "./read";
import { applyJourneyChange, keepRestored, kindMap, metaMap } from "./write";
import type { Journey } from "../domain/model";

export type RemoteListener = (read: CollabRead) => void;

export class JourneyBinding {
  readonly doc: Y.Doc;
  /** The origin of this editor's own transactions: give it to nothing else. */
  readonly origin: object = { editor: true };
  private readonly undoManager: Y.UndoManager;
  private readonly reader: JourneyReader;
  private readonly listeners = new Set<RemoteListener>();
  private readonly onTransaction = (tr: Y.Transaction) => {
    if (tr.origin === this.origin || tr.origin === this.undoManager) return;
    if (!tr.changed.size) return;
    const read = this.reader.read();
    if (!read) return;
    for (const listener of this.listeners) listener(read);
  };

  constructor(doc: Y.Doc) {
    this.doc = doc;
    this.reader = new JourneyReader(doc);
    const scope = [metaMap(doc), ...COLLAB_KIND_NAMES.map((kind) => kindMap(doc, kind))];
    // Each change is its own undo step: a gesture (a drag, a typed label) is one change.
    this.undoManager = new Y.UndoManager(scope, {
      trackedOrigins: new Set([this.origin]),
      captureTimeout: 0,
    });
    doc.on("afterTransaction", this.onTransaction);
  }

  /** The journey as the document holds it now (null while it holds none). */
  read(): CollabRead | null {
    return this.reader.read();
  }

  /** Calls `listener` with the new read after every change made elsewhere. */
  onRemoteChange(listener: RemoteListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes this editor's change (`before` is what the editor showed) as one undo step.
   * Returns the journey as the document now reads, or null when nothing was written. */
  commit(before: Journey, after: Journey): CollabRead | null {
    const wrote = applyJourneyChange(this.doc, before, after, this.origin);
    this.undoManager.stopCapturing();
    return wrote ? this.reader.read() : null;
  }

  /** Keeps an actor, lane or stage that came back after a removal (clears its mark), as an
   * undoable change. */
  keepRestored(ref: CollabRef): CollabRead | null {
    if (ref.kind !== "actor" && ref.kind !== "lane" && ref.kind !== "stage") return null;
    const kept = keepRestored(this.doc, ref.kind, ref.id, this.origin);
    this.undoManager.stopCapturing();
    return kept ? this.reader.read() : null;
  }

  canUndo(): boolean {
    return this.undoManager.canUndo();
  }

  canRedo(): boolean {
    return this.undoManager.canRedo();
  }

  /** Takes back this editor's latest change. Returns the new read, or null when there was
   * nothing to undo. */
  undo(): CollabRead | null {
    return this.undoManager.undo() ? this.reader.read() : null;
  }

  redo(): CollabRead | null {
    return this.undoManager.redo() ? this.reader.read() : null;
  }

  /** Takes back the latest change as if it had not been made: undone, with nothing to redo. */
  withdraw(): CollabRead | null {
    if (!this.undoManager.undo()) return null;
    this.undoManager.clear(false, true);
    return this.reader.read();
  }

  /** Forgets this editor's undo history (another journey was opened in its place). */
  clearHistory(): void {
    this.undoManager.clear();
  }

  dispose(): void {
    this.doc.off("afterTransaction", this.onTransaction);
    this.undoManager.destroy();
    this.reader.dispose();
    this.listeners.clear();
  }
}
