import type { RouteChip } from '../api/help-types.js';
import { hrefFor } from '../routing/hash-route.js';
import { fieldLabel } from './field-label.js';
import { chipRoute } from './help-routes.js';

/**
 * "Go here": the menu path as chips, one link to the exact screen, and the field it focuses.
 * Like WordPress's own breadcrumbs, the path reads PassiveWP → Settings → Amazon.
 */
export function RouteChipLink({ chip }: { chip: RouteChip }) {
  const field = chip.field ? fieldLabel(chip.route, chip.field) : undefined;
  return (
    <a className="route-chip" href={hrefFor(chipRoute(chip))} data-route={chipRoute(chip)}>
      {chip.menuPath.map((part, index) => (
        <span key={`${index}-${part}`} className="route-chip-part">
          {index > 0 && (
            <span className="route-chip-sep" aria-hidden="true">
              ›
            </span>
          )}
          {index > 0 && <span className="screen-reader-text">, </span>}
          {part}
        </span>
      ))}
      {field && (
        <span className="route-chip-field">
          <span className="screen-reader-text">, field </span>
          {field}
        </span>
      )}
    </a>
  );
}
