import type { SectionView } from '../../../src/domain/settings/describe-section.js';
import type { FieldIssue as FieldProblem } from '../../../src/shared/errors.js';

export type { FieldView, SectionView } from '../../../src/domain/settings/describe-section.js';

/** What login, setup and the session check answer with. */
export interface SessionInfo {
  email: string;
  csrfToken: string;
  expiresAt: string;
}

export type { FieldIssue as FieldProblem } from '../../../src/shared/errors.js';

/** Every error the engine answers with has this shape. */
export interface ApiErrorBody {
  code: string;
  message: string;
  fields?: FieldProblem[];
  setupRequired?: boolean;
}

export type SavedSectionView = SectionView & { changedKeys: string[] };

export type { AuditEntry } from '../../../src/domain/ports.js';
