import type { ProductList } from '../../../src/domain/products/list-products.js';
import type { ProductView } from '../../../src/domain/products/product-view.js';

/** The Products screen's side of `/api/products` (src/http/api/products.routes.ts); the shapes are the domain's own. */
export { PRODUCT_STATES, type ProductState } from '../../../src/domain/products/product-state.js';
export type { ProductSourceName } from '../../../src/domain/products/product.js';
export type { ProductList, ProductView };

/** `POST /api/products`: an ASIN or a product address; the marketplace only matters for a bare ASIN. */
export interface AddProductBody {
  reference: string;
  marketplace?: string;
}

/** `POST /api/products` (201) and `POST /api/products/:id/refresh` (202). */
export interface ProductAnswer {
  product: ProductView;
}
