import type { IncomingMessage, ServerResponse } from 'node:http';
import { ASSETS_PATH_PREFIX, IMMUTABLE_CACHE_CONTROL, stagePublicAssets, type PublicAsset } from '@pip/functions/assets/govuk-assets';

/**
 * What CloudFront's `/assets/*` behaviour does in AWS: the staged files of this revision, each at
 * `/assets/<revision>/<path>` with its type and a year of immutable caching, and 404 for
 * everything else under `/assets` (another revision included), before any route is matched.
 * Files are looked up by their exact path in the staged set, never on disk, so no path can climb
 * out of it.
 */
export function publicAssetServer(): (request: IncomingMessage, response: ServerResponse, pathname: string) => boolean {
  const { basePath, files } = stagePublicAssets();
  const byPath = new Map<string, PublicAsset>(files.map((file) => [`${basePath}/${file.path}`, file]));
  return (request, response, pathname) => {
    if (pathname !== ASSETS_PATH_PREFIX && !pathname.startsWith(`${ASSETS_PATH_PREFIX}/`)) return false;
    const method = request.method ?? 'GET';
    const file = method === 'GET' || method === 'HEAD' ? byPath.get(decoded(pathname)) : undefined;
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return true;
    }
    response.writeHead(200, {
      'content-type': file.contentType,
      'content-length': String(file.body.byteLength),
      'cache-control': IMMUTABLE_CACHE_CONTROL,
    });
    response.end(method === 'HEAD' ? undefined : file.body);
    return true;
  };
}

/** As S3 reads a key from the request path; a path that does not decode names no file. */
function decoded(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return '';
  }
}
