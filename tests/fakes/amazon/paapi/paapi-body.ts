import type { Marketplace } from '../../../../src/domain/marketplaces/catalogue.js';
import type { Operation } from '../catalog/resources.js';
import { paapiResourceMap, validateRequest, type FieldProblem, type RequestByOperation } from '../catalog/validate-request.js';
import { camelKey, pascalKey } from './pascalize.js';

export type PaapiBodyCheck<O extends Operation> = { ok: true; request: RequestByOperation[O] } | { ok: false; problems: FieldProblem[] };

/** Fields PA-API knows that the Creators API dropped; checked here, then set aside. */
const PAAPI_ONLY = new Set(['PartnerType', 'Marketplace', 'ItemIdType', 'Merchant', 'OfferCount', 'Properties', 'Resources']);

/**
 * Reads a PascalCase PA-API body: checks the PA-API-only fields, maps PascalCase resources to ours
 * (camelCase ones are refused: PA-API never knew them), then applies the shared field rules.
 * Problems come back with PA-API field names.
 */
export function readPaapiBody<O extends Operation>(operation: O, body: Readonly<Record<string, unknown>>, marketplace: Marketplace): PaapiBodyCheck<O> {
  const problems: FieldProblem[] = [];
  if (body.PartnerType === undefined) problems.push({ name: 'PartnerType', missing: true, message: 'The request must name the PartnerType.' });
  else if (body.PartnerType !== 'Associates') problems.push({ name: 'PartnerType', missing: false, message: `The PartnerType ${String(body.PartnerType)} is not supported; use Associates.` });
  if (body.Marketplace !== undefined && body.Marketplace !== marketplace.domain) {
    problems.push({ name: 'Marketplace', missing: false, message: `The Marketplace ${String(body.Marketplace)} does not belong to ${marketplace.paapiHost}.` });
  }
  if (body.ItemIdType !== undefined && body.ItemIdType !== 'ASIN') {
    problems.push({ name: 'ItemIdType', missing: false, message: `The ItemIdType ${String(body.ItemIdType)} is not supported here; use ASIN.` });
  }

  const camel: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) if (/^[A-Z]/.test(key) && !PAAPI_ONLY.has(key)) camel[camelKey(key)] = value;

  if (body.Resources !== undefined) {
    const map = paapiResourceMap(operation);
    const list = Array.isArray(body.Resources) ? body.Resources : [];
    const bad = list.filter((r) => typeof r !== 'string' || !map.has(r));
    if (!Array.isArray(body.Resources) || bad.length > 0) {
      problems.push({ name: 'Resources', missing: false, message: `The value [${bad.map(String).join(', ')}] provided in the request for Resources is invalid.` });
    }
    camel.resources = list.flatMap((r) => (typeof r === 'string' && map.has(r) ? [map.get(r) as string] : []));
  }

  const validated = validateRequest(operation, camel);
  if (!validated.ok) problems.push(...validated.problems.map((p) => ({ ...p, name: pascalKey(p.name) })));
  return problems.length > 0 || !validated.ok ? { ok: false, problems } : { ok: true, request: validated.request };
}
