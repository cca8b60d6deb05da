import type { GeoFailure } from '../../domain/geo/geo-gateway.js';

/** A failed file-system call on `path` as a cause code and a sentence; `action` is "read" or "write". */
export function fileFailure(error: unknown, path: string, action: 'read' | 'write'): GeoFailure {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return { cause: 'database_missing', detail: action === 'read' ? `there is no file at ${path}` : `the folder of ${path} cannot be created (${code})` };
  }
  if (code === 'EACCES' || code === 'EPERM') return { cause: 'database_unreadable', detail: `the engine has no permission to ${action} ${path}` };
  if (code === 'EISDIR') return { cause: 'database_unreadable', detail: `${path} is a directory, not a .mmdb file` };
  return { cause: 'database_unreadable', detail: `could not ${action} ${path}: ${code || (error as Error).message}` };
}
