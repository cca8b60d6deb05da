import { useEffect, useId, type ReactNode } from 'react';
import { findArticle } from '../../../src/domain/help/articles/index.js';
import type { Confirm, Confirmations, HelpArticle } from '../api/help-types.js';
import { Wrap } from '../components/wrap.js';
import { NotFoundPage } from '../pages/not-found-page.js';
import { hrefFor } from '../routing/hash-route.js';
import { ArticleFeedback } from './article-feedback.js';
import { ConfirmationBadge } from './confirmation-badge.js';
import { anchorDomId, articleRoute, stepAnchor } from './help-routes.js';
import { RouteChipLink } from './route-chip-link.js';
import { useConfirmations } from './use-confirmations.js';

type LiveState = Confirmations | 'loading' | 'failed';

/** `#/help/<id>[?section=<anchor>]`: one article; `section` scrolls to a step or troubleshooting entry and highlights it. */
export function HelpArticlePage({ articleId, section }: { articleId: string; section: string | null }) {
  const article = findArticle(articleId);
  if (!article) return <NotFoundPage path={`/help/${articleId}`} />;
  return <ArticleView key={article.id} article={article} section={section} />;
}

function ArticleView({ article, section }: { article: HelpArticle; section: string | null }) {
  const { confirmations, pending, reload } = useConfirmations();

  useEffect(() => {
    const target = section ? document.getElementById(anchorDomId(section)) : null;
    if (!target) {
      window.scrollTo(0, 0);
      return;
    }
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'start' });
  }, [article.id, section]);

  const highlighted = (anchor: string) => (anchor === section ? ' is-highlighted' : '');
  const isLive = (confirm: Confirm) => Boolean(confirm.live);
  const hasLive = article.steps.some((step) => isLive(step.confirm)) || article.successChecklist.some(isLive);

  return (
    <Wrap title={article.title}>
      <p className="help-breadcrumbs">
        <a href={hrefFor('/help')}>Help Center</a> <span aria-hidden="true">›</span> <span className="help-category">{article.category}</span>
      </p>
      <div className="help-article">
        <p className="help-lede">{article.lede}</p>
        <p className="help-meta">
          <span className="badge">{article.category}</span> <span className="badge">{article.steps.length} guided steps</span>{' '}
          <span className="badge">Ctrl/Cmd + K search</span>
        </p>

        <HelpSection title="How this article is organized" className="help-legend">
          <dl className="help-legend-list">
            <div>
              <dt className="cue cue-go">Go here</dt>
              <dd>A route chip names the exact menu path; following it opens the screen with the field in focus.</dd>
            </div>
            <div>
              <dt className="cue cue-do">Do this</dt>
              <dd>The action to take on that screen, in the words the screen uses.</dd>
            </div>
            <div>
              <dt className="cue cue-confirm">Confirm</dt>
              <dd>What you should see afterwards. Where the engine can tell on its own, a live badge says whether it is met.</dd>
            </div>
          </dl>
        </HelpSection>

        <HelpSection title="When to use this guide">
          <p>{article.whenToUse}</p>
        </HelpSection>

        <HelpSection title="Before you start">
          <ul className="help-list">
            {article.beforeYouStart.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </HelpSection>

        <HelpSection title="Exact menu path">
          <p>
            <RouteChipLink chip={article.menuPath} />
          </p>
        </HelpSection>

        <HelpSection title="Step-by-step walkthrough">
          {hasLive && (
            <p className="help-live-note">
              Live badges come from what the engine has stored (the last checks, the saved settings).{' '}
              <button type="button" className="button button-small" onClick={reload} disabled={pending}>
                {pending ? 'Checking…' : 'Refresh live status'}
              </button>
            </p>
          )}
          <ol className="help-steps">
            {article.steps.map((step, index) => {
              const anchor = stepAnchor(index);
              return (
                <li key={anchor} id={anchorDomId(anchor)} className={`help-step${highlighted(anchor)}`} tabIndex={-1}>
                  <h3>
                    <span className="help-step-number">Step {index + 1}:</span> {step.title}
                  </h3>
                  <div className="help-cue">
                    <span className="cue cue-go">Go here</span>
                    <div className="help-cue-body">
                      <RouteChipLink chip={step.goHere} />
                    </div>
                  </div>
                  <div className="help-cue">
                    <span className="cue cue-do">Do this</span>
                    <p className="help-cue-body">{step.doThis}</p>
                  </div>
                  <div className="help-cue">
                    <span className="cue cue-confirm">Confirm</span>
                    <div className="help-cue-body">
                      <p>{step.confirm.text}</p>
                      {step.confirm.live && <ConfirmationBadge id={step.confirm.live} confirmations={confirmations} />}
                    </div>
                  </div>
                </li>
              );
            })}
          </ol>
        </HelpSection>

        <HelpSection title="Quick troubleshooting">
          <ul className="help-troubleshooting">
            {article.troubleshooting.map((entry) => (
              <li key={entry.id} id={anchorDomId(entry.id)} className={`help-entry${highlighted(entry.id)}`} tabIndex={-1}>
                <p className="help-entry-problem">
                  <strong>{entry.problem}</strong>{' '}
                  <a className="help-entry-anchor" href={hrefFor(articleRoute(article.id, entry.id))}>
                    <span aria-hidden="true">#</span>
                    <span className="screen-reader-text">Link to this entry</span>
                  </a>
                </p>
                <p>{entry.fix}</p>
                {entry.goHere && (
                  <p className="help-entry-go">
                    <span className="cue cue-go">Go here</span> <RouteChipLink chip={entry.goHere} />
                  </p>
                )}
              </li>
            ))}
          </ul>
        </HelpSection>

        <HelpSection title="Common mistakes to avoid">
          <ul className="help-list">
            {article.commonMistakes.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </HelpSection>

        <HelpSection title="Success checklist">
          <ul className="help-checklist">
            {article.successChecklist.map((item) => (
              <ChecklistItem key={item.text} item={item} confirmations={confirmations} />
            ))}
          </ul>
        </HelpSection>

        <ArticleFeedback articleId={article.id} />
      </div>
    </Wrap>
  );
}

function ChecklistItem({ item, confirmations }: { item: Confirm; confirmations: LiveState }) {
  return (
    <li className="help-checklist-item">
      <span className="help-checklist-box" aria-hidden="true">
        ☐
      </span>
      <span className="help-checklist-text">
        {item.text}
        {item.live && (
          <>
            {' '}
            <ConfirmationBadge id={item.live} confirmations={confirmations} />
          </>
        )}
      </span>
    </li>
  );
}

function HelpSection({ title, className, children }: { title: string; className?: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className={`help-section${className ? ` ${className}` : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
