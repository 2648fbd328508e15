/**
 * What the user sees when a view fails instead of a blank page: what happened, that their saved
 * work is safe, and a way on (reload, or back to the library). A part of the app that could
 * not be downloaded (Seams updated while the page was open, or the connection dropped before the
 * part was kept for offline use) is told apart from an error in Seams itself.
 */
import { Component, type ReactNode } from "react";

/** Whether an error is a part of the app (a script module) that could not be fetched. Browsers
 * word it differently: Chromium "Failed to fetch dynamically imported module", Firefox "error
 * loading dynamically imported module", Safari "Importing a module script failed". */
export function isLoadFailure(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return /dynamically imported module|importing a module script failed|ChunkLoadError/i.test(text);
}

interface ErrorBoundaryProps {
  children: ReactNode;
  /** A change of this (the route) clears the error, so leaving the failed view works. */
  resetKey: string;
  /** Saves what is waiting to be saved, before a reload. */
  beforeReload: () => Promise<unknown>;
  onLeave: () => void;
}

interface ErrorBoundaryState {
  error: unknown;
  failed: boolean;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error, failed: true };
  }

  override componentDidUpdate(previous: ErrorBoundaryProps) {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) {
      this.setState({ error: null, failed: false });
    }
  }

  private leave = () => {
    this.setState({ error: null, failed: false });
    this.props.onLeave();
  };

  private reload = () => {
    const reload = () => window.location.reload();
    this.props.beforeReload().then(reload, reload);
  };

  override render() {
    if (!this.state.failed) return this.props.children;
    const { error } = this.state;
    const loading = isLoadFailure(error);
    return (
      <main className="library view-error" role="alert" aria-labelledby="view-error-title">
        <h1 id="view-error-title">{loading ? "Part of Seams could not be loaded" : "Something went wrong in this view"}</h1>
        {loading ? (
          <p>
            Seams may have been updated while this page was open, or the connection dropped before
            this part was kept for use offline. Reload to carry on.
          </p>
        ) : (
          <p>Seams hit an error it did not expect. Reload to carry on.</p>
        )}
        <p>Your journeys are kept on this computer: every change saved before this is safe.</p>
        <details>
          <summary>What the browser reported</summary>
          <pre className="view-error-detail">{error instanceof Error ? `${error.name}: ${error.message}` : String(error)}</pre>
        </details>
        <p className="view-error-actions">
          <button type="button" className="button primary" onClick={this.reload}>
            Reload Seams
          </button>
          <button type="button" className="button" onClick={this.leave}>
            Back to your journeys
          </button>
        </p>
      </main>
    );
  }
}
