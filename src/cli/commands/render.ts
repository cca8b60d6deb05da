import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_CONTENT_BYTES, visitorCountry } from '../../domain/render-requests/render-request.js';
import { standaloneDocument } from '../../domain/render-requests/standalone-document.js';
import { TOKEN_VERBS, manageTokens } from './manage-tokens.js';
import { openEngine } from '../../main.js';
import { renderContent } from '../../render/render-content.js';
import { UsageError, engineOptions, type CommandIo } from '../command-io.js';

const USAGE = `Usage:
  passivewp render <post file | -> [--country DE] [--out page.html]
  passivewp render key create --name NAME | passivewp render key list | passivewp render key revoke ID`;

/**
 * `render <file>`: a post's shortcodes rendered as a visitor (from --country) would see them, from
 * stored data only and without counting views, into a standalone page; problems go to stderr
 * (exit 1 when there are any). `render key …`: the keys servers use for /api/render/v1.
 */
export async function renderCommand(args: string[], io: CommandIo): Promise<number> {
  const [first, verb, ...rest] = args;
  if (first === 'key') {
    if (!verb || !(TOKEN_VERBS as readonly string[]).includes(verb)) throw new UsageError(USAGE);
    const engine = await openEngine({ ...engineOptions(io), quiet: true });
    try {
      return await manageTokens(engine, 'render', verb, rest, io, USAGE);
    } finally {
      await engine.close();
    }
  }
  const { values, positionals } = parseOptions(args);
  if (positionals.length !== 1) throw new UsageError(USAGE);
  const country = values.country === undefined ? null : visitorCountry.safeParse(values.country);
  if (country && !country.success) throw new UsageError(`--country ${values.country} is not a two-letter country code such as DE.\n\n${USAGE}`);
  const content = await readPost(positionals[0]!, io);

  const engine = await openEngine({ ...engineOptions(io), quiet: true });
  try {
    const rendered = await renderContent(engine.ctx, { content, visitor: { country: country?.data ?? null }, mode: 'visitor', countViews: false });
    const page = standaloneDocument({ html: rendered.html, css: rendered.css, title: path.basename(positionals[0]!) });
    if (values.out) {
      await writeFile(path.resolve(io.cwd, values.out), page);
      io.out(`Rendered ${rendered.blocks} block(s) into ${values.out}.`);
    } else io.out(page);
    for (const problem of rendered.problems) io.err(`${problem.code}: ${problem.message}${problem.excerpt ? `\n  ${problem.excerpt}` : ''}`);
    if (rendered.problems.length) io.err(`${rendered.problems.length} problem(s) found.`);
    return rendered.problems.length ? 1 : 0;
  } finally {
    await engine.close();
  }
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({ args, options: { country: { type: 'string' }, out: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
}

/** The post's text, from a file (relative to the working directory) or stdin (`-`). */
async function readPost(file: string, io: CommandIo): Promise<string> {
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (Buffer.byteLength(text, 'utf8') > MAX_CONTENT_BYTES) throw new UsageError(`${file} is longer than 1 MB.`);
  return text;
}
