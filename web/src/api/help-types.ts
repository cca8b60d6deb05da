import type { Confirmations } from '../../../src/domain/help/evaluate-confirmations.js';
import type { ArticleFeedbackSummary } from '../../../src/domain/help/summarize-feedback.js';

/** The help center's side of `/api/help/*` (src/http/api/help.routes.ts); the shapes are the domain's own. */
export type { ConfirmationId, Confirm, HelpArticle, HelpStep, RouteChip, TroubleshootingEntry } from '../../../src/domain/help/help-article.js';
export type { ConfirmationResult, ConfirmationState } from '../../../src/domain/help/evaluate-confirmations.js';
export type { ArticleFeedbackSummary, Confirmations };

/** `GET /api/help/confirmations`. */
export interface ConfirmationsAnswer {
  confirmations: Confirmations;
}

/** `GET /api/help/feedback`: articles with any answer, most answered first. */
export interface FeedbackAnswer {
  articles: ArticleFeedbackSummary[];
}

/** `POST /api/help/articles/:id/feedback` (201 `{ recorded: true }`). */
export interface FeedbackBody {
  helpful: boolean;
  comment?: string;
}
