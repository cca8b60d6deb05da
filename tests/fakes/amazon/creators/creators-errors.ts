import { randomUUID } from 'node:crypto';
import { json, type FakeResponse } from '../http.js';
import type { FieldProblem } from '../catalog/validate-request.js';

/** Creators API error bodies (reference §1.9): `{type, message, reason?}` plus a few type-specific fields. */

export function creatorsAnswer(status: number, body: unknown, extraHeaders: Record<string, string> = {}): FakeResponse {
  return json(status, body, { 'x-amzn-requestid': randomUUID(), ...extraHeaders });
}

export type ValidationReason = 'UnknownOperation' | 'CannotParse' | 'FieldValidationFailed' | 'InvalidAssociate' | 'InvalidPartnerTag' | 'Other';
export type UnauthorizedReason = 'TokenExpired' | 'InvalidToken' | 'InvalidIssuer' | 'MissingCredential' | 'InvalidClient' | 'Other';

export function validationError(reason: ValidationReason, message: string, problems: readonly FieldProblem[] = []): FakeResponse {
  return creatorsAnswer(400, {
    type: 'ValidationException',
    message,
    reason,
    ...(problems.length > 0 ? { fieldList: problems.map((p) => ({ name: p.name, message: p.message })) } : {}),
  });
}

export function fieldValidationError(problems: readonly FieldProblem[]): FakeResponse {
  const count = problems.length;
  return validationError('FieldValidationFailed', `${count} validation error${count === 1 ? '' : 's'} detected in the request.`, problems);
}

export function unauthorized(reason: UnauthorizedReason, message: string): FakeResponse {
  return creatorsAnswer(401, { type: 'UnauthorizedException', message, reason });
}

export function accessDenied(reason: 'AssociateNotEligible' | 'AuthorizationFailed' | 'Other', message: string): FakeResponse {
  return creatorsAnswer(403, { type: 'AccessDeniedException', message, reason });
}

export function notFound(message: string, resourceId: string, resourceType: string): FakeResponse {
  return creatorsAnswer(404, { type: 'ResourceNotFoundException', message, resourceId, resourceType });
}

export function throttle(type: string, retryAfterSeconds: number, message: string): FakeResponse {
  return creatorsAnswer(429, { type, message }, { 'retry-after': String(retryAfterSeconds) });
}

export function internalError(): FakeResponse {
  return creatorsAnswer(500, { type: 'InternalServerException', message: 'The service encountered an internal error. Try again later.' });
}

export const NOT_ELIGIBLE_MESSAGE = 'Your account does not currently meet the eligibility requirements.';
