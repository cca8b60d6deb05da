import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { standaloneDocument } from '../../../src/domain/render-requests/standalone-document.js';
import { ApiError } from '../api/api-error.js';
import type { ProductList } from '../api/product-types.js';
import type { RenderPreviewAnswer, RenderPreviewBody } from '../api/render-types.js';
import { Notice } from '../components/notice.js';
import { Wrap } from '../components/wrap.js';
import { useApiResource } from '../session/use-api-resource.js';
import { useEngineApi } from '../session/use-engine-api.js';
import { COUNTRY_NAME_OPTIONS } from '../settings/country-names.js';
import { examplePost } from './example-post.js';
import { PreviewFrame } from './preview-frame.js';
import { RenderProblems } from './render-problems.js';
import { readStoredPost, storePost } from './stored-post.js';

const CONTENT_ID = 'test-post-content';
const COUNTRY_ID = 'test-post-country';

type Outcome = { status: 'idle' } | { status: 'rendering'; last: RenderPreviewAnswer | null } | { status: 'done'; answer: RenderPreviewAnswer } | { status: 'failed'; message: string };

/** `#/test-post`: paste a post with shortcodes, render it as the admin preview, see it on a desktop and a phone, and what is wrong with it. */
export function TestPostPage() {
  const api = useEngineApi();
  const products = useApiResource<ProductList>('products?limit=20');
  const [content, setContent] = useState<string | null>(readStoredPost);
  const [country, setCountry] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ status: 'idle' });
  const contentRef = useRef<HTMLTextAreaElement>(null);

  const example = products.load.status === 'ready' ? examplePost(products.load.data.products, products.load.data.defaultMarketplace) : null;
  // Nothing typed here before: the example, once the products are known (or could not be).
  useEffect(() => {
    if (content === null && products.load.status !== 'loading') setContent(example ?? examplePost([], null));
  }, [content, example, products.load.status]);

  const edit = (text: string) => {
    setContent(text);
    storePost(text);
  };

  const render = async (event: FormEvent) => {
    event.preventDefault();
    setOutcome((last) => ({ status: 'rendering', last: last.status === 'done' ? last.answer : last.status === 'rendering' ? last.last : null }));
    try {
      const body: RenderPreviewBody = { content: content ?? '', ...(country ? { country } : {}) };
      setOutcome({ status: 'done', answer: await api<RenderPreviewAnswer>('render/preview', { method: 'POST', body }) });
    } catch (error) {
      setOutcome({ status: 'failed', message: failureText(error) });
      contentRef.current?.focus();
    }
  };

  const shown = outcome.status === 'done' ? outcome.answer : outcome.status === 'rendering' ? outcome.last : null;
  const page = useMemo(() => (shown ? standaloneDocument({ html: shown.html, css: shown.css, title: 'Test post' }) : null), [shown]);

  return (
    <Wrap title="Test post">
      <p className="screen-intro">
        Paste a post with <code>[passivewp …]</code> shortcodes and render it the way the engine renders it for your site, from the product data it has
        stored. Problems that visitors would never see are shown in the page and listed below it. Rendering adds any product a block names to Products,
        as a page view does.
      </p>
      <form className="test-post-form" onSubmit={(event) => void render(event)} noValidate>
        <p className="test-post-field">
          <label htmlFor={CONTENT_ID}>Post content</label>
          <textarea
            ref={contentRef}
            id={CONTENT_ID}
            className="code"
            rows={14}
            value={content ?? ''}
            placeholder={content === null ? 'Loading the example…' : '[passivewp box asin="B0…"]'}
            onChange={(event) => edit(event.target.value)}
            spellCheck={false}
          />
        </p>
        <div className="test-post-controls">
          <p className="test-post-field is-country">
            <label htmlFor={COUNTRY_ID}>As a visitor from</label>
            <select id={COUNTRY_ID} value={country} onChange={(event) => setCountry(event.target.value)} aria-describedby={`${COUNTRY_ID}-description`}>
              <option value="">Anywhere (each block’s own marketplace)</option>
              {COUNTRY_NAME_OPTIONS.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.name}
                </option>
              ))}
            </select>
            <span className="description" id={`${COUNTRY_ID}-description`}>
              Links follow the visitor to the store of their country, as set under Settings → Geolocation.
            </span>
          </p>
          <p className="test-post-actions">
            <button type="submit" className="button button-primary" disabled={outcome.status === 'rendering' || content === null}>
              {outcome.status === 'rendering' ? 'Rendering…' : 'Render'}
            </button>
            {example && content !== example && (
              <button type="button" className="button" onClick={() => edit(example)}>
                Use the example
              </button>
            )}
          </p>
        </div>
      </form>
      {outcome.status === 'failed' && (
        <Notice kind="error" className="inline" onDismiss={() => setOutcome({ status: 'idle' })}>
          <p>The post could not be rendered: {outcome.message}</p>
        </Notice>
      )}
      {shown && page && (
        <section className={outcome.status === 'rendering' ? 'test-post-result is-pending' : 'test-post-result'} aria-busy={outcome.status === 'rendering'} aria-labelledby="test-post-result-title">
          <h2 id="test-post-result-title">
            Result <span className="description">{`${shown.blocks} block${shown.blocks === 1 ? '' : 's'}`}</span>
          </h2>
          <h3 className="test-post-problems-title">Problems</h3>
          <RenderProblems problems={shown.problems} />
          <div className="test-post-frames">
            <div className="test-post-frame is-desktop">
              <PreviewFrame label="Desktop" width={1280} height={900} document={page} />
            </div>
            <div className="test-post-frame is-mobile">
              <PreviewFrame label="Phone" width={390} height={844} document={page} />
            </div>
          </div>
        </section>
      )}
    </Wrap>
  );
}

/** A refusal names its fields ("content: is longer than 1 MB"); anything else says what happened. */
function failureText(error: unknown): string {
  if (error instanceof ApiError && error.fields.length) return error.fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  return error instanceof Error ? error.message : String(error);
}
