import type { RefreshPauseView } from '../../../src/domain/products/list-refresh-pauses.js';

/** A credential whose product refreshes the engine stopped because Amazon rejected it. */
export type RefreshPause = RefreshPauseView;

/** `GET /api/refresh-pauses` */
export interface RefreshPauseList {
  pauses: RefreshPause[];
}
