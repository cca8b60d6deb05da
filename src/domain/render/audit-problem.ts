/** One thing wrong with a rendered page, in admin previews, the render API and the CLI. */
export type AuditProblemCode =
  | 'untagged_link'
  | 'price_without_time'
  | 'missing_disclosure'
  | 'missing_sponsored_rel'
  | 'unsafe_link'
  | 'broken_shortcode'
  | 'template_override_broken'
  | 'too_many_shortcodes'
  | 'too_many_new_products';

export interface AuditProblem {
  code: AuditProblemCode;
  message: string;
  /** The markup or shortcode concerned, shortened. */
  excerpt?: string;
}

/** At most `max` characters of markup for a problem's excerpt. */
export function excerptOf(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
