import type { ProductView } from '../api/product-types.js';
import { ProductRow } from './product-row.js';

interface ProductsTableProps {
  products: readonly ProductView[];
  timeZone: string;
  now: number;
  /** Marketplaces whose refreshes are paused. */
  pausedMarketplaces: ReadonlySet<string>;
  onRefresh(product: ProductView): void;
  onRemove(product: ProductView): void;
}

export function ProductsTable({ products, pausedMarketplaces, ...rowProps }: ProductsTableProps) {
  return (
    <table className="widefat striped product-table">
      <caption className="screen-reader-text">Products</caption>
      <thead>
        <tr>
          <td className="column-thumb">
            <span className="screen-reader-text">Image</span>
          </td>
          <th scope="col" className="column-title">
            Product
          </th>
          <th scope="col" className="column-asin">
            ASIN
          </th>
          <th scope="col" className="column-marketplace">
            Marketplace
          </th>
          <th scope="col" className="column-state">
            State
          </th>
          <th scope="col" className="column-price">
            Price
          </th>
          <th scope="col" className="column-source">
            Source
          </th>
          <th scope="col" className="column-refreshed">
            Last refreshed
          </th>
          <th scope="col" className="column-next">
            Next refresh
          </th>
        </tr>
      </thead>
      <tbody>
        {products.map((product) => (
          <ProductRow key={product.id} product={product} paused={pausedMarketplaces.has(product.marketplace)} {...rowProps} />
        ))}
      </tbody>
    </table>
  );
}
