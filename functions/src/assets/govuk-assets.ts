import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The platform's public static files (GOV.UK Frontend's stylesheet, fonts and images), written
 * once here for everything that serves or links them: the CDK stack uploads them to the assets
 * bucket that CloudFront serves under `/assets/*`, the local server serves the same set at the same
 * paths, and the page layout links them. Every file lives under `/assets/<revision>`, the revision
 * being a hash of the whole set, so each can be cached for a year and never asked for again: new
 * files are a new revision, and pages link it from the next deployment on.
 */

/** The environment variable the stack sets on every function to `basePath`, so a function never stages the files itself. */
export const ASSETS_BASE_ENV = 'ASSETS_BASE';

/** Every public asset path starts with this; CloudFront's `/assets/*` behaviour and the local server answer for all of it. */
export const ASSETS_PATH_PREFIX = '/assets';

/** How every file of the set may be cached: for a year, never revalidated (a change is a new revision, hence a new path). */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

export interface PublicAsset {
  /** Relative to `basePath`, with `/` between folders: `govuk-frontend.min.css`, `fonts/bold-b542beb274-v2.woff2`. */
  path: string;
  contentType: string;
  body: Buffer;
}

export interface PublicAssets {
  /** Short hex hash of every file served (its path, type and content, after rewriting). */
  revision: string;
  /** `/assets/<revision>`: the path each file's own path is appended to. */
  basePath: string;
  /** Sorted by path. */
  files: PublicAsset[];
}

const STYLESHEET = 'govuk-frontend.min.css';

/** The file types the pages use, and their types as served. */
const CONTENT_TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  woff2: 'font/woff2',
  woff: 'font/woff',
  png: 'image/png',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
};

/** Folders of GOV.UK Frontend's `dist/govuk/assets` the stylesheet and the layout refer to (not `rebrand/`, not the manifest). */
const ASSET_FOLDERS = ['fonts', 'images'];

const REVISION_LENGTH = 12;

/** GOV.UK Frontend's built files, as installed beside the functions. */
function installedDist(): string {
  let packageJson: string;
  try {
    packageJson = createRequire(import.meta.url).resolve('govuk-frontend/package.json');
  } catch (error) {
    throw new Error(`govuk-frontend is not installed here: set ${ASSETS_BASE_ENV} to the assets' base path instead`, { cause: error });
  }
  return join(dirname(packageJson), 'dist', 'govuk');
}

function contentTypeOf(path: string): string | undefined {
  return CONTENT_TYPES[path.slice(path.lastIndexOf('.') + 1)];
}

/**
 * The platform's few rules of its own, after GOV.UK Frontend's (pages load no other stylesheet):
 * GOV.UK's back link drawn on a button, for a step whose answers travel in the page and go back with it.
 */
const PLATFORM_RULES =
  '\n.pip-back-button{color:#0b0c0c;background:none;border:0;border-radius:0;padding-top:0;padding-right:0;padding-bottom:0;cursor:pointer;-webkit-appearance:none;appearance:none}\n';

const URL_IN_CSS = /url\(\s*(['"]?)([^'")]+)\1\s*\)/gu;

/**
 * GOV.UK Frontend's stylesheet refers to its fonts and images as `/assets/fonts/...`; relative to
 * the stylesheet they resolve under whichever revision it was served from. Its source map is not
 * served, so its comment goes too.
 */
function rewriteStylesheet(css: string, served: ReadonlySet<string>): string {
  const rewritten = css
    .replace(URL_IN_CSS, (whole, quote: string, url: string) => (url.startsWith(`${ASSETS_PATH_PREFIX}/`) ? `url(${quote}${url.slice(ASSETS_PATH_PREFIX.length + 1)}${quote})` : whole))
    .replace(/\n?\/\*# sourceMappingURL=[^*]*\*\/\s*$/u, '\n');
  const missing = [...rewritten.matchAll(URL_IN_CSS)].map((match) => match[2]!).filter((url) => !url.startsWith('data:') && !served.has(url));
  if (missing.length > 0) throw new Error(`${STYLESHEET} refers to files the assets do not include: ${missing.join(', ')}`);
  return rewritten;
}

/** The revision of a set of files: the same for the same files in any order, different when any path, type or byte differs. */
export function assetRevision(files: readonly PublicAsset[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(`${file.path}\0${file.contentType}\0${file.body.byteLength}\0`);
    hash.update(file.body);
  }
  return hash.digest('hex').slice(0, REVISION_LENGTH);
}

function stageFrom(distDir: string): PublicAssets {
  const assetsDir = join(distDir, 'assets');
  const found = ASSET_FOLDERS.flatMap((folder) =>
    readdirSync(join(assetsDir, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(assetsDir.length + 1).split(/[\\/]/u).join('/')),
  ).filter((path) => contentTypeOf(path) !== undefined);
  const files: PublicAsset[] = found.map((path) => ({ path, contentType: contentTypeOf(path)!, body: readFileSync(join(assetsDir, path)) }));
  const css = readFileSync(join(distDir, STYLESHEET), 'utf8');
  files.push({ path: STYLESHEET, contentType: CONTENT_TYPES.css!, body: Buffer.from(`${rewriteStylesheet(css, new Set(found))}${PLATFORM_RULES}`, 'utf8') });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const revision = assetRevision(files);
  return { revision, basePath: `${ASSETS_PATH_PREFIX}/${revision}`, files };
}

let installed: PublicAssets | undefined;

/**
 * The public asset set, read from GOV.UK Frontend's `dist/govuk` and rewritten to be served under
 * `basePath`. The installed package's set is read and hashed once per process; `distDir` stages
 * another copy, afresh each time.
 */
export function stagePublicAssets(options: { distDir?: string } = {}): PublicAssets {
  if (options.distDir) return stageFrom(options.distDir);
  installed ??= stageFrom(installedDist());
  return installed;
}

/**
 * Writes the set's files into `dir` at their paths relative to `basePath` (`<dir>/govuk-frontend.min.css`,
 * `<dir>/fonts/...`), for the stack to upload under the key prefix `assets/<revision>/` (`basePath`
 * without its leading slash), the keys CloudFront asks the bucket for. Returns the set written.
 */
export function writePublicAssets(dir: string, assets: PublicAssets = stagePublicAssets()): PublicAssets {
  for (const file of assets.files) {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.body);
  }
  return assets;
}

/** The base path pages link the assets under: the stack's `ASSETS_BASE` where set, else computed from the installed files. */
export function publicAssetsBase(): string {
  return process.env[ASSETS_BASE_ENV] || stagePublicAssets().basePath;
}
