/* global window, document, requestAnimationFrame, MutationObserver, ResizeObserver, IDBDatabase, CSS */
/**
 * The in-page probe of the benchmark, added to every page before its own scripts run
 * (Playwright `addInitScript`). Plain browser JavaScript, so nothing the test runner compiles
 * ends up in the page. It records, in `window.__bench`:
 *
 * - `readyAt`: ms from navigation to the first frame, painted, after which every step whose
 *   box lies on screen is in the DOM and visible (React Flow hides a node until it knows its
 *   size). A frame counts only if the next frame agrees (the viewport may still move once).
 * - `frames`: requestAnimationFrame timestamps between `startFrames()` and `stopFrames()`.
 * - `idb`: every IndexedDB transaction: stores, mode, begin and complete (or abort) times.
 * - `marks`: first times of things the app shows (the editor, the save status text).
 * - `workerReplies`, `edit`: see `watchEdit`.
 * - `highlightsAt`: when an element matching `highlightSelector` (the analysis marks) is first
 *   in the DOM; `longTasks`: main-thread tasks over 50 ms, to wait for a quiet page.
 *
 * Call `__installProbe({ ids, xywh, observeApp, highlightSelector })` with the ids and boxes (x,
 * y, width, height, in flow coordinates) of the steps the page is expected to draw;
 * `observeApp` watches the app's DOM for `marks` and `statusLog`.
 */
window.__installProbe = function installProbe(config) {
  const ids = config.ids;
  const xywh = config.xywh;
  const state = {
    readyAt: null,
    readyCheckMs: 0,
    readyChecks: 0,
    frames: [],
    recording: false,
    idb: [],
    marks: {},
    statusLog: [],
    events: {},
    highlightsAt: null,
    longTasks: [],
  };
  window.__bench = state;

  // Every IndexedDB transaction, timed from its creation to complete or abort.
  const originalTransaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function transaction(names, mode, options) {
    const tx = originalTransaction.call(this, names, mode, options);
    const record = {
      stores: typeof names === "string" ? [names] : Array.from(names),
      mode: mode || "readonly",
      start: performance.now(),
      end: null,
      ok: null,
    };
    state.idb.push(record);
    tx.addEventListener("complete", () => {
      record.end = performance.now();
      record.ok = true;
    });
    tx.addEventListener("abort", () => {
      record.end = performance.now();
      record.ok = false;
    });
    return tx;
  };

  // Times of user events the runner starts a measurement from (first of each after a reset).
  for (const type of ["change", "keydown"]) {
    document.addEventListener(
      type,
      (event) => {
        const key = type === "keydown" ? `keydown:${event.key}` : type;
        state.events[key] ??= performance.now();
      },
      true,
    );
  }
  state.resetEvents = () => {
    state.events = {};
  };

  // When the editor appears (the journey is in the store), and each save status text.
  const observer = new MutationObserver(() => {
    if (state.marks.editor === undefined) {
      const loading = Array.from(document.querySelectorAll("p[role=status]")).some((p) => p.textContent === "Loading the editor…");
      if (loading || document.querySelector(".toolbar")) state.marks.editor = performance.now();
    }
    const status = document.querySelector("[data-testid=save-status]");
    const text = status ? status.textContent : null;
    const last = state.statusLog[state.statusLog.length - 1];
    if (text !== null && (!last || last.text !== text)) state.statusLog.push({ text, at: performance.now() });
  });
  // Only on the app's pages: recording every mutation costs the bare pages time.
  if (config.observeApp) {
    const observe = () => observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
    if (document.documentElement) observe();
    else document.addEventListener("readystatechange", observe, { once: true });
  }

  // After the frame that is being produced now has been painted.
  const channel = new MessageChannel();
  let afterPaint = null;
  channel.port1.onmessage = () => {
    const callback = afterPaint;
    afterPaint = null;
    if (callback) callback(performance.now());
  };

  // The canvas size, from a ResizeObserver: reading clientWidth in a frame would force a
  // layout the page has not asked for yet, and charge the page for the probe's curiosity.
  let sized = null;
  let flowSize = null;
  function onScreenStepsDrawn() {
    const viewport = document.querySelector(".react-flow__viewport");
    const flow = viewport && viewport.closest(".react-flow");
    if (!flow) return false;
    if (sized !== flow) {
      sized = flow;
      flowSize = null;
      new ResizeObserver((entries) => {
        const box = entries[entries.length - 1].contentRect;
        flowSize = { width: box.width, height: box.height };
      }).observe(flow);
    }
    if (!flowSize) return false;
    const m = /translate\(\s*([-\d.e]+)px,\s*([-\d.e]+)px\s*\)\s*scale\(\s*([-\d.e]+)\s*\)/.exec(viewport.style.transform);
    if (!m) return false;
    const tx = Number(m[1]);
    const ty = Number(m[2]);
    const zoom = Number(m[3]);
    const width = flowSize.width;
    const height = flowSize.height;
    if (width === 0 || height === 0) return false;
    // A box counts as on screen when at least 2 px of it are (rounding at the edges).
    const margin = 2 / zoom;
    const x0 = -tx / zoom + margin;
    const y0 = -ty / zoom + margin;
    const x1 = (width - tx) / zoom - margin;
    const y1 = (height - ty) / zoom - margin;
    let expected = 0;
    for (let i = 0; i < ids.length; i++) {
      const x = xywh[4 * i];
      const y = xywh[4 * i + 1];
      if (x > x1 || y > y1 || x + xywh[4 * i + 2] < x0 || y + xywh[4 * i + 3] < y0) continue;
      expected++;
      const el = flow.querySelector(`.react-flow__node[data-id="${CSS.escape(ids[i])}"]`);
      if (!el || el.style.visibility === "hidden") return false;
    }
    return expected > 0;
  }

  let candidate = null;
  function checkReady() {
    if (state.readyAt !== null) return;
    const t0 = performance.now();
    const drawn = onScreenStepsDrawn();
    state.readyCheckMs += performance.now() - t0;
    state.readyChecks++;
    if (!drawn) {
      candidate = null;
    } else if (candidate === null) {
      candidate = "pending";
      afterPaint = (at) => {
        if (candidate === "pending") candidate = at;
      };
      channel.port2.postMessage(0);
    } else if (typeof candidate === "number") {
      state.readyAt = candidate;
      return;
    }
    requestAnimationFrame(checkReady);
  }
  requestAnimationFrame(checkReady);

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });

  if (config.highlightSelector) {
    const watch = () => {
      if (document.querySelector(config.highlightSelector)) state.highlightsAt = performance.now();
      else if (performance.now() < 120000) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  }

  function frame(at) {
    if (!state.recording) return;
    state.frames.push(at);
    requestAnimationFrame(frame);
  }
  state.startFrames = () => {
    state.frames = [];
    state.recording = true;
    requestAnimationFrame(frame);
  };
  state.stopFrames = () => {
    state.recording = false;
    return state.frames.slice();
  };

  // Replies from Web Workers (the app analyses large journeys in one), by time of arrival.
  state.workerReplies = [];
  const NativeWorker = window.Worker;
  if (NativeWorker) {
    window.Worker = class ProbedWorker extends NativeWorker {
      constructor(url, options) {
        super(url, options);
        const source = String(url);
        this.addEventListener("message", () => state.workerReplies.push({ url: source, at: performance.now() }));
      }
    };
  }

  /** Watches an edit of a step's label come through, from now: `edit.labelAt`, the first
   * painted frame showing the new label; `edit.currentAt`, the first painted frame showing the
   * analysis of the edited journey. Where the page analyses in a worker matching `workerPattern`
   * (it has replied before), that is the frame after the worker's next reply; otherwise the
   * analysis is part of the edit's own frame. */
  state.watchEdit = (label, workerPattern) => {
    const since = performance.now();
    const pattern = new RegExp(workerPattern);
    const viaWorker = state.workerReplies.some((r) => pattern.test(r.url));
    const edit = { labelAt: null, currentAt: null, viaWorker };
    state.edit = edit;
    const shown = () => Array.from(document.querySelectorAll(".step-label")).some((el) => el.textContent === label);
    const replied = () => state.workerReplies.some((r) => r.at > since && pattern.test(r.url));
    let phase = "label";
    const watch = () => {
      if (phase === "label" && shown()) {
        phase = viaWorker ? "worker" : "done";
        afterPaint = (at) => {
          edit.labelAt = at;
          if (!viaWorker) edit.currentAt = at;
        };
        channel.port2.postMessage(0);
      } else if (phase === "worker" && replied()) {
        // The reply is handled before this frame: the frame shows its result.
        phase = "done";
        afterPaint = (at) => {
          edit.currentAt = at;
        };
        channel.port2.postMessage(0);
      }
      if (phase !== "done") requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  };

  /** A point in the canvas where a press lands on the empty pane (not a card, header or
   * control), scanning from the right-hand middle of the canvas, in page coordinates. */
  state.panePoint = () => {
    const flow = document.querySelector(".react-flow");
    if (!flow) return null;
    const r = flow.getBoundingClientRect();
    const rows = [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7];
    for (const fy of rows) {
      for (let x = r.right - 80; x > r.left + r.width * 0.45; x -= 3) {
        const y = r.top + r.height * fy;
        const el = document.elementFromPoint(x, y);
        if (el && el.classList.contains("react-flow__pane")) return { x, y };
      }
    }
    return null;
  };
};
