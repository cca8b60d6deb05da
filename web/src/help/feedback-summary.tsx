import type { FeedbackAnswer } from '../api/help-types.js';
import { Postbox } from '../components/postbox.js';
import { hrefFor } from '../routing/hash-route.js';
import { useApiResource } from '../session/use-api-resource.js';
import { articleRoute } from './help-routes.js';

const when = (iso: string) => new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** What administrators answered to "Was this article helpful?": counts per article and the latest comments. */
export function FeedbackSummary() {
  const { load } = useApiResource<FeedbackAnswer>('help/feedback');
  return (
    <Postbox title="Feedback">
      {load.status === 'loading' && <p className="loading">Loading feedback…</p>}
      {load.status === 'failed' && <p className="field-error">The feedback could not be loaded: {load.message}</p>}
      {load.status === 'ready' && load.data.articles.length === 0 && <p className="empty-state">No article has been rated yet.</p>}
      {load.status === 'ready' && load.data.articles.length > 0 && (
        <ul className="help-feedback-list">
          {load.data.articles.map((article) => (
            <li key={article.articleId} className="help-feedback-item" data-article={article.articleId}>
              <p className="help-feedback-head">
                <a href={hrefFor(articleRoute(article.articleId))}>{article.title}</a>{' '}
                <span className="help-feedback-counts">
                  <span className="badge is-yes">{article.yes} yes</span> <span className="badge is-no">{article.no} no</span>
                </span>
              </p>
              {article.comments.length > 0 && (
                <ul className="help-feedback-comments">
                  {article.comments.map((comment) => (
                    <li key={`${comment.at}-${comment.actor}`}>
                      <span className="help-feedback-comment">“{comment.comment}”</span>{' '}
                      <span className="activity-meta">
                        {comment.helpful ? 'Helpful' : 'Not helpful'} · {comment.actor} · {when(comment.at)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </Postbox>
  );
}
