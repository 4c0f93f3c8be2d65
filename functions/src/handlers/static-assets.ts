import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { pathParameter, type HttpEvent } from '../kit/event';
import { HttpError } from '../kit/http-error';
import { functionHandler } from '../kit/http-handler';

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/**
 * GOV.UK Frontend's built files. In Lambda the bundler copies them next to the handler and sets
 * ASSETS_DIR; locally they are read from the installed package.
 */
function assetsRoot(): string {
  if (process.env.ASSETS_DIR) return process.env.ASSETS_DIR;
  const packageJson = createRequire(import.meta.url).resolve('govuk-frontend/package.json');
  return join(dirname(packageJson), 'dist', 'govuk');
}

/** `/assets/govuk-frontend.min.css` is the stylesheet; `/assets/fonts/...` and the rest are its assets. */
function fileFor(proxyPath: string): string {
  const root = assetsRoot();
  const relative = proxyPath === 'govuk-frontend.min.css' ? proxyPath : join('assets', proxyPath);
  const file = normalize(join(root, relative));
  if (!file.startsWith(root + sep)) throw new HttpError(404, 'Not found');
  return file;
}

export const handler = functionHandler('static-assets', {
  kind: 'json',
  routes: {
    'GET /assets/{proxy+}': async (event: HttpEvent) => {
      const file = fileFor(decodeURIComponent(pathParameter(event, 'proxy')));
      const type = CONTENT_TYPES[extname(file)];
      if (!type) throw new HttpError(404, 'Not found');
      const content = await readFile(file).catch(() => {
        throw new HttpError(404, 'Not found');
      });
      return {
        statusCode: 200,
        headers: { 'content-type': type, 'cache-control': 'public, max-age=86400' },
        body: content.toString('base64'),
        isBase64Encoded: true,
      };
    },
  },
});
