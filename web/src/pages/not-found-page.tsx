import { Wrap } from '../components/wrap.js';
import { hrefFor } from '../routing/hash-route.js';

export function NotFoundPage({ path }: { path: string }) {
  return (
    <Wrap title="Page not found">
      <div className="card">
        <p>
          There is no admin screen at <code>{path}</code>. It may have moved, or the link has a typo.
        </p>
        <p>
          <a className="button" href={hrefFor('/dashboard')}>
            Go to the Dashboard
          </a>
        </p>
      </div>
    </Wrap>
  );
}
