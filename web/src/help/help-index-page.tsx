import { HELP_ARTICLES } from '../../../src/domain/help/articles/index.js';
import type { HelpArticle } from '../api/help-types.js';
import { Wrap } from '../components/wrap.js';
import { hrefFor } from '../routing/hash-route.js';
import { usePalette } from '../palette/palette-context.js';
import { FeedbackSummary } from './feedback-summary.js';
import { articleRoute } from './help-routes.js';

/** The articles by category, in the order HELP_ARTICLES lists them. */
function byCategory(articles: readonly HelpArticle[]): Array<[string, HelpArticle[]]> {
  const groups = new Map<string, HelpArticle[]>();
  for (const article of articles) groups.set(article.category, [...(groups.get(article.category) ?? []), article]);
  return [...groups];
}

/** `#/help`: every article by category, the search, and what administrators said about the articles. */
export function HelpIndexPage() {
  const { openPalette } = usePalette();
  return (
    <Wrap title="Help Center">
      <p className="help-intro">
        Step-by-step guides for every screen: each step says where to go, what to do and how to confirm it worked.{' '}
        <button type="button" className="button" onClick={(event) => openPalette(event.currentTarget)}>
          Search help <kbd>Ctrl K</kbd>
        </button>
      </p>
      <div className="help-index">
        <div className="help-categories">
          {byCategory(HELP_ARTICLES).map(([category, articles]) => (
            <section key={category} className="help-category-group" aria-label={category}>
              <h2>{category}</h2>
              <ul className="help-cards">
                {articles.map((article) => (
                  <li key={article.id} className="help-card">
                    <h3>
                      <a href={hrefFor(articleRoute(article.id))}>{article.title}</a>
                    </h3>
                    <p>{article.lede}</p>
                    <p className="help-card-meta">{article.steps.length} guided steps</p>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
        <FeedbackSummary />
      </div>
    </Wrap>
  );
}
