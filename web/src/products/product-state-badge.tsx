import type { ProductState } from '../api/product-types.js';
import { STATE_LABELS } from './product-labels.js';

/** The product's state in a coloured badge; the word says it too, so colour is never the only sign. */
export function ProductStateBadge({ state }: { state: ProductState }) {
  return (
    <span className={`product-state is-${state.replace('_', '-')}`}>
      {state === 'refreshing' && <span className="spinner" aria-hidden="true" />}
      {STATE_LABELS[state]}
    </span>
  );
}
