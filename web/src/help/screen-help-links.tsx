import { hrefFor } from '../routing/hash-route.js';
import { articleRoute, articlesForScreen } from './help-routes.js';

/** "Help: <article>, <article>" under a screen's heading: the articles that name this route among their screens. */
export function ScreenHelpLinks({ route }: { route: string }) {
  const articles = articlesForScreen(route);
  if (articles.length === 0) return null;
  return (
    <nav className="screen-help-links" aria-label="Help for this screen">
      <span className="screen-help-label">Help:</span>
      <ul>
        {articles.map((article) => (
          <li key={article.id}>
            <a href={hrefFor(articleRoute(article.id))}>{article.title}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
