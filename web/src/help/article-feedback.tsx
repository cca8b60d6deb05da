import { useId, useState, type FormEvent } from 'react';
import type { FeedbackBody } from '../api/help-types.js';
import { Notice } from '../components/notice.js';
import { useEngineApi } from '../session/use-engine-api.js';

/** The engine refuses longer comments (src/domain/help/record-feedback.ts imports server-only code, so the limit is repeated here). */
const MAX_FEEDBACK_COMMENT = 1000;

type Phase = { kind: 'asking' } | { kind: 'sending' } | { kind: 'sent'; helpful: boolean } | { kind: 'failed'; message: string };

/** "Was this article helpful?": Yes / No with an optional comment, then a thank-you. */
export function ArticleFeedback({ articleId }: { articleId: string }) {
  const api = useEngineApi();
  const headingId = useId();
  const commentId = useId();
  const [comment, setComment] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'asking' });

  const send = async (helpful: boolean) => {
    setPhase({ kind: 'sending' });
    const body: FeedbackBody = { helpful, ...(comment.trim() ? { comment: comment.trim() } : {}) };
    try {
      await api(`help/articles/${encodeURIComponent(articleId)}/feedback`, { method: 'POST', body });
      setPhase({ kind: 'sent', helpful });
    } catch (error) {
      setPhase({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  if (phase.kind === 'sent') {
    return (
      <section className="help-section help-feedback" aria-labelledby={headingId}>
        <h2 id={headingId}>Was this article helpful?</h2>
        <Notice kind="success">
          <p>Thank you for your feedback{phase.helpful ? '' : ' — we will use it to make this article clearer'}.</p>
        </Notice>
      </section>
    );
  }

  const busy = phase.kind === 'sending';
  const submit = (event: FormEvent) => event.preventDefault();
  return (
    <section className="help-section help-feedback" aria-labelledby={headingId}>
      <h2 id={headingId}>Was this article helpful?</h2>
      {phase.kind === 'failed' && (
        <Notice kind="error">
          <p>Your answer was not recorded: {phase.message}</p>
        </Notice>
      )}
      <form onSubmit={submit}>
        <p>
          <label htmlFor={commentId}>Comment (optional)</label>
          <textarea
            id={commentId}
            className="large-text"
            rows={3}
            maxLength={MAX_FEEDBACK_COMMENT}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            aria-describedby={`${commentId}-description`}
          />
          <span className="description" id={`${commentId}-description`}>
            What was missing or unclear? Other administrators of this engine see it in the help center.
          </span>
        </p>
        <p className="help-feedback-actions">
          <button type="button" className="button" disabled={busy} onClick={() => void send(true)}>
            Yes
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void send(false)}>
            No
          </button>
          {busy && <span className="spinner" aria-hidden="true" />}
        </p>
      </form>
    </section>
  );
}
