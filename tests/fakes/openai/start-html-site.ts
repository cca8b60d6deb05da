import { listenOnLoopback, type LoopbackServer } from './listen-on-loopback.js';

/**
 * An ordinary website (a WordPress blog) that answers every path with an HTML page: what a Base URL
 * pointing at the wrong host or the provider's homepage reaches.
 */
export async function startHtmlSite(status = 200): Promise<LoopbackServer> {
  const title = status === 200 ? 'My Blog – Just another WordPress site' : 'Page not found – My Blog';
  const html = `<!DOCTYPE html>\n<html lang="en-US">\n<head>\n<meta charset="UTF-8">\n<title>${title}</title>\n</head>\n<body class="home blog">\n<h1>${title}</h1>\n</body>\n</html>\n`;
  return listenOnLoopback((_request, response) => {
    response.writeHead(status, { 'content-type': 'text/html; charset=UTF-8', 'content-length': Buffer.byteLength(html) });
    response.end(html);
  });
}
