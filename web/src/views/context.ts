import type { ApiClient, Session } from '../api/http';

export interface ViewContext {
  client: ApiClient;
  session: Session;
  /** Aborted when the view is left (route change, sign-out, session end). */
  signal: AbortSignal;
  /** Shows an error or a message in the page's status area. */
  notify(message: string, kind?: 'error' | 'info'): void;
  navigate(hash: string): void;
  /** After an identity decision: the nav's count of open proposals is asked again. */
  proposalsChanged?(): void;
}

/** What a view may hand back: a function that releases what it holds (graphs, timers). */
export type Dispose = () => void;
