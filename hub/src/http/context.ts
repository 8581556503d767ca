import type { LogFields, Logger } from '../log';
import type { Store } from '../store/store';
import type { Fanout } from '../sync/fanout';
import type { RowPolicy } from '../sync/rules';
import type { FailureLimiter } from './limiter';
import type { StaticApp } from './static-app';

/** What the request handlers share: one per hub process. */
export interface HubContext {
  store: Store;
  policy: RowPolicy;
  fanout: Fanout;
  log: Logger;
  clock: () => Date;
  version: string;
  /** sha256 of the admin secret; admin routes compare hashes in constant time. */
  adminSecretHash: Buffer | null;
  /** Failed enrollments per client address (see client-address.ts). */
  enrollLimiter: FailureLimiter;
  /** Failed enrollments per code. */
  codeLimiter: FailureLimiter;
  /** Proxies whose X-Forwarded-For is believed (`serve --trust-proxy`). */
  trustedProxies: ReadonlySet<string>;
  /** Last `last_seen_at` write per device, so a busy device does not write on every request. */
  touched: Map<string, number>;
  /** Loads the demo street as of `asOf` (the hub's clock when not given). */
  seedDemo: (actor: string, asOf?: Date) => Promise<{ written: number; unchanged: number }>;
  /** The browser build served at `/`, when the hub has one. */
  app?: StaticApp;
  /** Where published application updates live (the data folder's updates/). */
  updatesDir?: string;
}

/** Filled in while a request is handled, logged once when it ends. */
export interface RequestInfo {
  route: string;
  deviceId?: string;
  fields: LogFields;
}
