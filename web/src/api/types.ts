import type { SectionView } from '../../../src/domain/settings/describe-section.js';

export type { FieldView, SectionView } from '../../../src/domain/settings/describe-section.js';

/** What login, setup and the session check answer with. */
export interface SessionInfo {
  email: string;
  csrfToken: string;
  expiresAt: string;
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** Every error the engine answers with has this shape. */
export interface ApiErrorBody {
  code: string;
  message: string;
  fields?: FieldProblem[];
  setupRequired?: boolean;
}

export type SavedSectionView = SectionView & { changedKeys: string[] };

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  subject: string;
  keys: string[];
  ip: string | null;
}
