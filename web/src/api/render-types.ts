import type { AuditProblem } from '../../../src/domain/render/audit-problem.js';

/** The Test post screen's side of `POST /api/render/preview` (src/http/api/render.routes.ts). */
export type { AuditProblem };

export interface RenderPreviewBody {
  content: string;
  /** ISO 3166-1 alpha-2 of the visitor; left out, each block keeps its own marketplace. */
  country?: string;
}

export interface RenderPreviewAnswer {
  /** The post with its shortcodes replaced by blocks (a fragment). */
  html: string;
  /** The blocks' stylesheet. */
  css: string;
  problems: AuditProblem[];
  blocks: number;
}
