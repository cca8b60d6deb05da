/**
 * A rendered post as a complete HTML page (the CLI's output, the admin's preview frames): the
 * blocks' stylesheet, then the content in a column as wide as a blog's. Pure string work, so the
 * admin app builds the same page in the browser.
 */
export function standaloneDocument({ html, css, title = 'PassiveWP preview' }: { html: string; css: string; title?: string }): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(title)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`,
    '</head>',
    '<body>',
    `<main class="post">${html}</main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A plain theme: the blocks' own stylesheet decides how they look. */
const PAGE_CSS =
  'body{margin:0;background:#fff;color:#1d2327;font:16px/1.6 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Oxygen-Sans,Ubuntu,Cantarell,"Helvetica Neue",sans-serif}' +
  '.post{box-sizing:border-box;max-width:760px;margin:0 auto;padding:24px 16px}';

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
