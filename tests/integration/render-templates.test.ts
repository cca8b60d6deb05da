import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOOK_AGAIN_MS, MAX_OVERRIDE_BYTES, OVERRIDE_LIMITS } from '../../src/render/load-templates.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { renderContent } from '../../src/render/render-content.js';
import { fakeCatalogue } from '../fakes/amazon/index.js';
import { openProductsApp, refreshDue } from './products-setup.js';

/** Operator template overrides run within a budget: one that is slow, fails or is too big is set aside until its file changes. */
const BOXES = Array.from({ length: 20 }, (_, i) => `[passivewp box asin="B${String(i + 1).padStart(9, '0')}"]`).join('\n');
/** Twenty-five million loop turns: seconds of work for every block, were it not cut off. */
const SLOW = '{% for i in (1..5000) %}{% for j in (1..5000) %}{% endfor %}{% endfor %}<div class="pwp-block pwp-mybox" data-pwp-block="box">slow</div>';
const FAST = '<div class="pwp-block pwp-mybox" data-pwp-block="box"><a href="{{ p.url }}" rel="sponsored">{{ p.linkText }}</a></div>';

async function openOverrideApp() {
  const app = await openProductsApp();
  const dir = path.join(app.dataDir, 'templates');
  mkdirSync(dir);
  const ctx = app.engine.ctx;
  return {
    ...app,
    ctx,
    /** Writes an override; the renderer sees it at its next look at the folder. */
    async write(file: string, source: string) {
      writeFileSync(path.join(dir, file), source);
      // A new mtime even within the file system's time resolution.
      const at = new Date(Date.now() + Math.random() * 1000);
      utimesSync(path.join(dir, file), at, at);
      await new Promise((resolve) => setTimeout(resolve, LOOK_AGAIN_MS + 50));
    },
    render: (mode: 'visitor' | 'admin') => renderContent(ctx, { content: BOXES, visitor: {}, mode }),
    setAsideLogs: () => app.logs().match(/template override broken/g)?.length ?? 0,
  };
}

const overrideProblems = (problems: Array<{ code: string; message: string }>) => problems.filter((p) => p.code === 'template_override_broken');

describe('template overrides run within a budget', () => {
  it(`a slow override is stopped after ${OVERRIDE_LIMITS.renderLimit} ms, once: set aside (logged once, reported on every render) until its file changes`, async () => {
    const app = await openOverrideApp();
    await app.write('box.liquid', SLOW);

    const first = await app.render('visitor');
    expect(first.blocks).toBe(20);
    // Every box is the built-in one: the override ran for one block only, then was set aside.
    expect(first.html.match(/class="pwp-block pwp-box"/g)).toHaveLength(20);
    expect(first.html).not.toContain('pwp-mybox');
    expect(overrideProblems(first.problems)).toEqual([{ code: 'template_override_broken', message: expect.stringMatching(new RegExp(`box\\.liquid cannot be used \\(it took more than ${OVERRIDE_LIMITS.renderLimit} ms to render box\\).*until the file changes`)) }]);

    // Previews say so on top of the page; nothing runs the override again, nothing is logged again.
    const preview = await app.render('admin');
    expect(overrideProblems(preview.problems)).toHaveLength(1);
    expect(preview.html).toMatch(/^<span class="pwp-warning"[^>]*><strong>PassiveWP:<\/strong> The template override [^<]*box\.liquid cannot be used/);
    expect(app.setAsideLogs()).toBe(1);

    // A changed file is tried again.
    await app.write('box.liquid', FAST);
    const fixed = await app.render('visitor');
    expect(overrideProblems(fixed.problems)).toEqual([]);
    expect(fixed.html.match(/pwp-mybox/g)).toHaveLength(20);
  });

  it.each([
    ['renders a template that does not exist', '{% render "nothing" %}', /rendering box failed: .*nothing/],
    ['builds a range of a hundred million numbers', '{% for i in (1..100000000) %}{{ i }}{% endfor %}', /rendering box failed: memory alloc limit exceeded/],
  ])('an override that %s is set aside the same way; the other overrides stay in use', async (_, source, reason) => {
    const app = await openOverrideApp();
    await app.write('box.liquid', source);
    await app.write('disclosure.liquid', '<span class="pwp-disclosure my-disclosure" role="note">{{ text }}</span>');
    await saveSection(app.ctx, { sectionId: 'general', values: { affiliateDisclosure: 'I earn from qualifying purchases.' }, actor: 'test', ip: null });
    const rendered = await app.render('visitor');
    expect(overrideProblems(rendered.problems)).toEqual([{ code: 'template_override_broken', message: expect.stringMatching(reason) }]);
    expect(overrideProblems(rendered.problems)[0]!.message).toContain('box.liquid');
    expect(rendered.html.match(/class="pwp-block pwp-box"/g)).toHaveLength(20);
    expect(rendered.html).toContain('my-disclosure');
  });

  it('a slow partial is the one set aside, not the built-in template that renders it', async () => {
    const app = await openOverrideApp();
    const asin = fakeCatalogue.wellKnown('us').inStock;
    expect((await app.add(asin, 'us')).statusCode).toBe(201);
    await refreshDue(app.ctx);
    await app.write('price.liquid', SLOW);
    const rendered = await renderContent(app.ctx, { content: `[passivewp box asin="${asin}"] [passivewp box asin="${asin}"]`, visitor: {}, mode: 'visitor' });
    expect(overrideProblems(rendered.problems)).toEqual([{ code: 'template_override_broken', message: expect.stringMatching(/price\.liquid cannot be used \(it took more than 50 ms to render box\)/) }]);
    expect(rendered.html.match(/class="pwp-price"/g)).toHaveLength(2);
  });

  it(`an override file larger than ${MAX_OVERRIDE_BYTES / 1024} KB is not read`, async () => {
    const app = await openOverrideApp();
    await app.write('box.liquid', `${FAST}${' '.repeat(MAX_OVERRIDE_BYTES)}`);
    await app.write('passivewp.css', `.pwp-box { color: red; }${' '.repeat(MAX_OVERRIDE_BYTES)}`);
    const rendered = await app.render('visitor');
    expect(overrideProblems(rendered.problems).map((p) => p.message)).toEqual([
      expect.stringMatching(/box\.liquid cannot be used \(it is larger than 64 KB\)/),
      expect.stringMatching(/passivewp\.css cannot be used \(it is larger than 64 KB\)/),
    ]);
    expect(rendered.html).not.toContain('pwp-mybox');
    expect(rendered.css).not.toContain('color: red');
  });
});
