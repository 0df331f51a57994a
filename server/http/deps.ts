/** What the route handlers are given: the store, the assist settings, and the push to open panels. */
import type { Store } from '../store/types.js';
import type { AssistSettings } from '../assist/assist.js';
import type { Logger } from '../log.js';
import type { Notice } from '../protocol/events.js';
import type { ChangeDeps } from '../privacy/changes.js';
import type { LinkDeps } from '../portal/issue.js';

export interface HttpDeps {
  store: Store;
  settings: AssistSettings;
  log: Logger;
  /** Recomputes and pushes the view of every open panel showing this customer. */
  notify(customerId: string, notice: Notice): Promise<void>;
  /** Recomputes and pushes the view of every open panel (the help centre changed), on every server. */
  notifyArticles(notice: Notice): Promise<void>;
  /** Where public articles are read (CANDOR_HELP_CENTRE_URL). */
  helpCentreUrl?: string | undefined;
  /** Consent, opt-out and erasure changes, shared with the privacy portal. */
  changes: ChangeDeps;
  /** Mailing portal links to customers. */
  links: LinkDeps;
  /** Disconnects every socket that authenticated with this token. */
  disconnectToken(tokenId: string): void;
  /**
   * Where templates live as files, the gate suite, whether the model's templates are required, and a draft's time
   * budget.
   */
  prompts: { dir: string; gateDir: string; model: boolean; budgetMs: number };
  /** The insights' smallest published cell, in customers. */
  insights: { minCell: number };
}
