import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Liquid } from 'liquidjs';
import type { AuditProblem } from '../domain/render/audit-problem.js';
import type { Logger } from '../shared/logger.js';

/** Every template a page may use; `price` is the partial the product templates render. */
export const TEMPLATE_NAMES = ['box', 'table', 'list', 'link', 'image', 'price', 'disclosure', 'warning'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];
export const STYLESHEET = 'passivewp.css';

export interface TemplateSet {
  /** Renders with the operator's overrides, falling back to the built-in template if an override fails at render time. */
  render(name: TemplateName, data: object): Promise<string>;
  css: string;
  /** Overrides that could not be used (they are logged once per file version). */
  problems: AuditProblem[];
}

/**
 * Output is escaped unless a template says `| raw`; filters must exist; only own properties are
 * visible; `render`/`include` reach only the templates in the mapping (never the file system).
 */
const LIQUID_OPTIONS = { extname: '.liquid', outputEscape: 'escape', strictFilters: true, ownPropertyOnly: true, cache: true, greedy: true } as const;

/** The largest override file read (the built-in templates are a few KB; the stylesheet goes out with every render). */
export const MAX_OVERRIDE_BYTES = 64 * 1024;

/**
 * What an operator's template may cost, per block: every block of every page view runs it, and
 * rendering is synchronous, so a slow one holds up the whole engine. An override past a limit is
 * set aside like a broken one. `memoryLimit` counts what Liquid allocates (ranges, strings built by
 * filters); `parseLimit` counts template characters parsed by one Liquid (all the overrides).
 */
export const OVERRIDE_LIMITS = { renderLimit: 50, memoryLimit: 1_000_000, parseLimit: TEMPLATE_NAMES.length * MAX_OVERRIDE_BYTES } as const;

const HERE = path.dirname(fileURLToPath(import.meta.url));
// Next to this file: in src/ as written, in dist/ as copied by the build (scripts/copy-server-assets.mjs).
const BUILTIN_DIR = path.join(HERE, 'templates');

interface Builtin {
  sources: Record<string, string>;
  css: string;
  liquid: Liquid;
}
let builtin: Builtin | undefined;

/** The built-in templates, read once. */
function readBuiltin(): Builtin {
  if (!builtin) {
    const sources = Object.fromEntries(TEMPLATE_NAMES.map((name) => [`${name}.liquid`, readFileSync(path.join(BUILTIN_DIR, `${name}.liquid`), 'utf8')]));
    builtin = { sources, css: readFileSync(path.join(BUILTIN_DIR, STYLESHEET), 'utf8'), liquid: new Liquid({ ...LIQUID_OPTIONS, templates: sources }) };
  }
  return builtin;
}

/** One override file as last seen: its version (mtime + size) and, once it failed to parse or render, why (then it is set aside until it changes). */
interface OverrideFile {
  version: string;
  source: string;
  error: string | null;
}
/** Per override folder: the files seen and the Liquid of the overrides in use. */
interface OverrideFolder {
  files: Map<string, OverrideFile>;
  liquid?: { key: string; liquid: Liquid };
  /** Problems already logged, so a broken file is logged once per version, not once per page view. */
  logged: Set<string>;
  /** The last look at the folder, reused for a moment: a busy page must not cost a `stat` per file per view. */
  lastLook?: { at: number; seen: Promise<Array<OverrideFile | null>> };
}

/** How long an operator's edit may take to show. */
export const LOOK_AGAIN_MS = 2000;
const folders = new Map<string, OverrideFolder>();

/**
 * The templates for one render: the built-in ones, each replaced by `<dataDir>/templates/<name>.liquid`
 * (and the stylesheet by `passivewp.css`) when the operator put one there. The folder is looked at
 * (one `stat` per file name) at most every two seconds; a file is read again only when its mtime or size changed. An override that
 * does not parse, or fails or runs past `OVERRIDE_LIMITS` when rendering, is logged once and set
 * aside until its file changes: the built-in template is used, and every render reports it.
 */
export async function loadTemplates(dataDir: string, logger: Logger): Promise<TemplateSet> {
  const base = readBuiltin();
  const dir = path.join(dataDir, 'templates');
  const folder: OverrideFolder = folders.get(dir) ?? { files: new Map(), logged: new Set() };
  folders.set(dir, folder);
  const problems: AuditProblem[] = [];
  const fileNames = [...TEMPLATE_NAMES.map((name) => `${name}.liquid`), STYLESHEET];
  if (!folder.lastLook || Date.now() - folder.lastLook.at >= LOOK_AGAIN_MS) {
    folder.lastLook = { at: Date.now(), seen: Promise.all(fileNames.map((file) => readOverride(dir, file, folder.files))) };
  }
  const seen = await folder.lastLook.seen;

  let css = base.css;
  const reportSetAside = (file: string, override: OverrideFile) => {
    const message = `The template override ${path.join(dir, file)} cannot be used (${override.error}); the built-in template is used until the file changes.`;
    problems.push({ code: 'template_override_broken', message });
    const key = `${file}@${override.version}`;
    if (!folder.logged.has(key)) {
      folder.logged.add(key);
      logger.warn({ file: path.join(dir, file), error: override.error }, 'template override broken; using the built-in template until the file changes');
    }
  };
  const overrides = new Map<string, OverrideFile>();
  seen.forEach((override, index) => {
    const file = fileNames[index]!;
    if (!override) return;
    if (override.error) reportSetAside(file, override);
    else if (file === STYLESHEET) css = override.source;
    else overrides.set(file, override);
  });

  let liquid = overridesLiquid(folder, base, overrides);
  const render = async (name: TemplateName, data: object): Promise<string> => {
    if (!liquid) return base.liquid.renderFileSync(name, data) as string;
    try {
      return liquid.renderFileSync(name, data) as string;
    } catch (error) {
      // Set the override that failed aside (the file Liquid names, else the one rendered) for this render and the next ones.
      const named = (error as { token?: { file?: string } }).token?.file;
      const file = named && overrides.has(named) ? named : `${name}.liquid`;
      const override = overrides.get(file);
      const detail = error instanceof Error ? error.message : String(error);
      if (override) {
        override.error = /render limit/.test(detail) ? `it took more than ${OVERRIDE_LIMITS.renderLimit} ms to render ${name}` : `rendering ${name} failed: ${detail}`;
        overrides.delete(file);
        reportSetAside(file, override);
        liquid = overridesLiquid(folder, base, overrides);
      } else {
        // A built-in template ran past the limit among overrides: the engine stalled, no operator file is to blame.
        logger.warn({ dir, template: name, error: detail }, 'template render stalled; using the built-in template for this block');
      }
      return base.liquid.renderFileSync(name, data) as string;
    }
  };
  return { render, css, problems };
}

/** The Liquid of the built-in templates with these overrides (kept while they stay the same); null for none. */
function overridesLiquid(folder: OverrideFolder, base: Builtin, overrides: ReadonlyMap<string, OverrideFile>): Liquid | null {
  if (!overrides.size) return null;
  const key = [...overrides].map(([file, override]) => `${file}@${override.version}`).join('|');
  if (folder.liquid?.key !== key) {
    const templates = { ...base.sources, ...Object.fromEntries([...overrides].map(([file, override]) => [file, override.source])) };
    const liquid = new Liquid({ ...LIQUID_OPTIONS, ...OVERRIDE_LIMITS, templates });
    // Parsed now, so that a block's time budget is spent rendering only.
    for (const name of TEMPLATE_NAMES) liquid.parseFileSync(name);
    folder.liquid = { key, liquid };
  }
  return folder.liquid.liquid;
}

/** The override of `file` if there is one, read and parsed again only when its mtime or size changed. */
async function readOverride(dir: string, file: string, files: Map<string, OverrideFile>): Promise<OverrideFile | null> {
  const full = path.join(dir, file);
  const info = await stat(full).catch(() => null);
  if (!info?.isFile()) {
    files.delete(file);
    return null;
  }
  const version = `${info.mtimeMs}:${info.size}`;
  const known = files.get(file);
  if (known?.version === version) return known;
  let entry: OverrideFile;
  try {
    if (info.size > MAX_OVERRIDE_BYTES) throw new Error(`it is larger than ${MAX_OVERRIDE_BYTES / 1024} KB`);
    const source = await readFile(full, 'utf8');
    if (file.endsWith('.liquid')) new Liquid({ ...LIQUID_OPTIONS, ...OVERRIDE_LIMITS }).parse(source);
    entry = { version, source, error: null };
  } catch (error) {
    entry = { version, source: '', error: error instanceof Error ? error.message : String(error) };
  }
  files.set(file, entry);
  return entry;
}
