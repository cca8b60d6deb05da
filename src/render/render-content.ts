import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EngineContext } from '../domain/context.js';
import type { AuditProblem } from '../domain/render/audit-problem.js';
import { excerptOf } from '../domain/render/audit-problem.js';
import { auditRenderedHtml } from '../domain/render/audit-rendered-html.js';
import { findVisitorMarketplace, type VisitorInput } from '../domain/render/find-visitor-marketplace.js';
import { parseShortcodes } from '../domain/render/parse-shortcodes.js';
import { readLinkTags } from '../domain/render/read-link-tags.js';
import { createNewProductAllowance, MAX_NEW_PRODUCTS_PER_RENDER, MAX_SHORTCODES_PER_RENDER, type NewProductAllowance } from '../domain/render/render-limits.js';
import { readSectionValues } from '../domain/settings/read-section-values.js';
import { generalSection } from '../domain/settings/sections/general.js';
import { productsSection } from '../domain/settings/sections/products.js';
import { loadTemplates } from './load-templates.js';
import { renderBlock, type PageContext } from './render-block.js';

export interface RenderContentInput {
  /** The page's HTML with `[passivewp …]` shortcodes. Text around them is passed through as written. */
  content: string;
  visitor: VisitorInput;
  /** `admin` shows broken shortcodes and template problems as inline warnings; `visitor` shows nothing for them. */
  mode: 'visitor' | 'admin';
  /** Counts one view per product shown (visitor mode only). */
  countViews?: boolean;
  /** Checks the output with `auditRenderedHtml` (default on); a visitor's page view can skip that work. */
  audit?: boolean;
}

export interface RenderedContent {
  html: string;
  /** The blocks' stylesheet (built-in or the operator's override), every class prefixed `pwp-`. */
  css: string;
  /** Broken shortcodes, the render's limits reached, unusable template overrides and what `auditRenderedHtml` finds in `html`. */
  problems: AuditProblem[];
  blocks: number;
}

/**
 * Renders a page's content: each shortcode becomes server-side HTML from stored product data
 * only (no Amazon call on a page view), links follow the visitor to their store when it has a
 * partner tag, and the affiliate disclosure goes before the first block. Within the limits of
 * `render-limits.ts`: shortcodes past the first 200 are left out, products past 20 new ones are
 * not added; both are reported as problems.
 */
export async function renderContent(ctx: EngineContext, input: RenderContentInput): Promise<RenderedContent> {
  const segments = parseShortcodes(input.content, { limit: MAX_SHORTCODES_PER_RENDER });
  const [general, products, tags, templates] = await Promise.all([
    readSectionValues(ctx, generalSection),
    readSectionValues(ctx, productsSection),
    readLinkTags(ctx),
    loadTemplates(ctx.dataDir, ctx.logger),
  ]);
  const admin = input.mode === 'admin';
  const hasBlocks = segments.some((segment) => segment.kind === 'block');
  const page: PageContext = {
    ctx,
    templates,
    tags,
    visitorMarketplace: hasBlocks ? await findVisitorMarketplace(ctx, input.visitor, tags) : null,
    missingInVisitorStore: products.missingInVisitorStore,
    timeZone: general.timeZone,
    shown: new Set(),
    countViews: Boolean(input.countViews) && !admin,
    allowance: createNewProductAllowance(),
  };

  const disclosure = general.affiliateDisclosure.trim();
  const parts: string[] = [];
  const problems: AuditProblem[] = [];
  let blocks = 0;
  const leftOut: string[] = [];
  for (const segment of segments) {
    if (segment.kind === 'text') parts.push(segment.text);
    else if (segment.kind === 'excess') leftOut.push(segment.source);
    else if (segment.kind === 'broken') {
      problems.push({ code: 'broken_shortcode', message: segment.message, excerpt: excerptOf(segment.source) });
      if (admin) parts.push(await templates.render('warning', { message: segment.message, source: excerptOf(segment.source) }));
    } else {
      // Blocks take turns with other requests (on SQLite each block's reads would otherwise run back to back): a long page never holds up the engine.
      await nextTurn();
      const html = await renderBlock(page, segment.block);
      if (blocks === 0 && disclosure) {
        // Before the first block; an inline link goes inside a paragraph, so the disclosure goes before that paragraph.
        const before = parts.join('');
        const at = INLINE_BLOCKS.has(segment.block.type) ? paragraphStart(before) : before.length;
        parts.splice(0, parts.length, before.slice(0, at), await templates.render('disclosure', { text: disclosure }), before.slice(at));
      }
      parts.push(html);
      blocks += 1;
    }
  }

  const body = parts.join('');
  problems.push(...limitProblems(leftOut, page.allowance), ...templates.problems, ...(input.audit === false ? [] : auditRenderedHtml(body, { disclosure: disclosure || null })));
  if (page.countViews) await ctx.stores.products.addViews([...page.shown], 1);
  // Problems of the page as a whole (limits reached, template overrides, an empty disclosure) go on top in admin previews.
  const notices = admin ? await Promise.all(problems.filter((p) => p.code !== 'broken_shortcode').map((p) => templates.render('warning', { message: p.message, source: p.excerpt ?? '' }))) : [];
  return { html: `${notices.join('')}${body}`, css: templates.css, problems, blocks };
}

/** One problem per limit the render reached (in previews, a warning on top of the page). */
function limitProblems(leftOut: string[], allowance: NewProductAllowance): AuditProblem[] {
  const problems: AuditProblem[] = [];
  if (leftOut.length) {
    problems.push({
      code: 'too_many_shortcodes',
      message: `A page renders at most ${MAX_SHORTCODES_PER_RENDER} shortcodes; the ${leftOut.length.toLocaleString('en')} after them were left out. Split the post, or remove shortcodes.`,
      excerpt: excerptOf(leftOut[0]!),
    });
  }
  if (allowance.refused.size) {
    problems.push({
      code: 'too_many_new_products',
      message: `One page view adds at most ${MAX_NEW_PRODUCTS_PER_RENDER} new products (a list counts as the products it shows); ${allowance.refused.size} more were not added and show as tagged links until a later view adds them.`,
      excerpt: excerptOf([...allowance.refused].join(', ')),
    });
  }
  return problems;
}

/** Blocks that sit inside a line of text rather than between paragraphs. */
const INLINE_BLOCKS: ReadonlySet<string> = new Set(['link', 'image']);

/** Where the paragraph that ends `html` begins: its `<p>` tag, or the blank line before it in plain text. */
function paragraphStart(html: string): number {
  const tag = Math.max(...[...html.matchAll(/<p[\s>]/gi)].map((match) => match.index), -1);
  const blankLine = html.lastIndexOf('\n\n');
  return Math.max(tag, blankLine === -1 ? -1 : blankLine + 2, 0);
}
