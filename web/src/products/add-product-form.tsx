import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error.js';
import type { AddProductBody, ProductAnswer, ProductView } from '../api/product-types.js';
import { COUNTRY_OPTIONS, findMarketplace, marketplaceLabel } from '../amazon/marketplace-options.js';
import { Notice } from '../components/notice.js';
import { useEngineApi } from '../session/use-engine-api.js';

type FieldName = 'reference' | 'marketplace';
type Problems = Partial<Record<FieldName, string>>;

const REFERENCE_ID = 'product-reference';
const MARKETPLACE_ID = 'product-marketplace';

/** One box for an ASIN or a product link, an optional store for a bare ASIN, and "Add product". */
export function AddProductForm({ defaultMarketplace, onAdded }: { defaultMarketplace: string | null; onAdded(product: ProductView): void }) {
  const api = useEngineApi();
  const [reference, setReference] = useState('');
  const [marketplace, setMarketplace] = useState('');
  const [adding, setAdding] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const referenceRef = useRef<HTMLInputElement>(null);
  const marketplaceRef = useRef<HTMLSelectElement>(null);
  const fallback = defaultMarketplace ? findMarketplace(defaultMarketplace) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reference.trim()) {
      setProblems({ reference: 'Paste an ASIN (10 letters and digits) or the address of a product page on Amazon.' });
      referenceRef.current?.focus();
      return;
    }
    setAdding(true);
    setProblems({});
    setFailure(null);
    try {
      const body: AddProductBody = { reference: reference.trim(), ...(marketplace ? { marketplace } : {}) };
      const { product } = await api<ProductAnswer>('products', { method: 'POST', body });
      setReference('');
      onAdded(product);
      referenceRef.current?.focus();
    } catch (error) {
      const refused = refusal(error);
      if (!refused) {
        setFailure(error instanceof Error ? error.message : String(error));
        return;
      }
      setProblems(refused);
      (refused.reference || !refused.marketplace ? referenceRef : marketplaceRef).current?.focus();
    } finally {
      setAdding(false);
    }
  };

  return (
    <form className="add-product" onSubmit={(event) => void submit(event)} noValidate>
      <h2 className="add-product-title">Add product</h2>
      {failure && (
        <Notice kind="error" className="inline" onDismiss={() => setFailure(null)}>
          <p>The product could not be added: {failure}</p>
        </Notice>
      )}
      <div className="add-product-fields">
        <p className="add-product-field is-reference">
          <label htmlFor={REFERENCE_ID}>ASIN or Amazon product URL</label>
          <input
            ref={referenceRef}
            id={REFERENCE_ID}
            type="text"
            className="code"
            value={reference}
            onChange={(event) => setReference(event.target.value)}
            placeholder="B0XXXXXXXX or https://www.amazon.com/dp/…"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problems.reference ? true : undefined}
            aria-describedby={problems.reference ? `${REFERENCE_ID}-error` : undefined}
          />
          {problems.reference && (
            <span className="field-error" id={`${REFERENCE_ID}-error`}>
              {problems.reference}
            </span>
          )}
        </p>
        <p className="add-product-field is-marketplace">
          <label htmlFor={MARKETPLACE_ID}>Marketplace</label>
          <select
            ref={marketplaceRef}
            id={MARKETPLACE_ID}
            value={marketplace}
            onChange={(event) => setMarketplace(event.target.value)}
            aria-invalid={problems.marketplace ? true : undefined}
            aria-describedby={[`${MARKETPLACE_ID}-description`, problems.marketplace ? `${MARKETPLACE_ID}-error` : ''].filter(Boolean).join(' ')}
          >
            <option value="">{fallback ? `Default: ${marketplaceLabel(fallback)}` : 'Default marketplace'}</option>
            {COUNTRY_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <span className="description" id={`${MARKETPLACE_ID}-description`}>
            Only for a bare ASIN: a product link names its store.
          </span>
          {problems.marketplace && (
            <span className="field-error" id={`${MARKETPLACE_ID}-error`}>
              {problems.marketplace}
            </span>
          )}
        </p>
        <p className="add-product-submit">
          <button type="submit" className="button button-primary" disabled={adding} aria-disabled={adding}>
            {adding ? 'Adding…' : 'Add product'}
          </button>
        </p>
      </div>
    </form>
  );
}

/** A refusal that belongs next to the inputs: field problems (400), or the product being there already (409). */
function refusal(error: unknown): Problems | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 409) return { reference: error.message };
  if (error.status !== 400) return null;
  const problems: Problems = {};
  for (const field of error.fields) {
    const name: FieldName = field.field === 'marketplace' ? 'marketplace' : 'reference';
    problems[name] ??= field.message;
  }
  if (!problems.reference && !problems.marketplace) problems.reference = error.message;
  return problems;
}
