import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { handlerEntry } from '@pip/functions/function-entries';
import { routes, unmatchedRequestsFunction } from '@pip/functions/routes';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { lambdaContext, toApiGatewayEvent } from './api-gateway-event';
import { publicAssetServer } from './public-assets';
import { routeMatcher } from './route-matcher';

/** API Gateway refuses larger payloads before any function sees them. */
const API_GATEWAY_PAYLOAD_LIMIT = 10 * 1024 * 1024;

type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

const loadedHandlers = new Map<string, Promise<LambdaHandler>>();

/** Imports a function's handler the first time it is needed, as a Lambda cold start would. */
export function loadHandler<T = LambdaHandler>(functionName: string): Promise<T> {
  let loaded = loadedHandlers.get(functionName);
  if (!loaded) {
    loaded = import(pathToFileURL(handlerEntry(functionName)).href).then((module: { handler: LambdaHandler }) => module.handler);
    loadedHandlers.set(functionName, loaded);
  }
  return loaded as Promise<T>;
}

function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > API_GATEWAY_PAYLOAD_LIMIT) {
        resolve('too-large');
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, result: APIGatewayProxyResultV2): void {
  if (typeof result === 'string') {
    response.writeHead(200, { 'content-type': 'application/json' }).end(result);
    return;
  }
  const headers: Record<string, string | string[]> = { ...(result.headers as Record<string, string>) };
  if (result.cookies && result.cookies.length > 0) headers['set-cookie'] = result.cookies;
  const body = result.body === undefined ? '' : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
  response.writeHead(result.statusCode ?? 200, headers).end(body);
}

function apiGatewayError(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ message }));
}

/** The answer while the platform starts: 503 with a Retry-After, as a load balancer gives before its targets are healthy. */
function starting(response: ServerResponse, path: string): void {
  const asJson = path === '/health' || path.startsWith('/api/');
  response.writeHead(503, { 'content-type': asJson ? 'application/json' : 'text/plain; charset=utf-8', 'retry-after': '2' });
  response.end(asJson ? JSON.stringify({ status: 'starting' }) : 'The platform is starting. Try again in a few seconds.');
}

export interface LocalRoute {
  method: 'GET' | 'POST';
  path: string;
  handler: LambdaHandler;
}

/**
 * Serves the route table with the same handlers as the HTTP API in AWS, given the same event shape,
 * plus any local-only routes (such as the local staff sign-in) that AWS never has.
 */
export function startHttpServer(options: { port: number; localRoutes?: LocalRoute[] }): Promise<{ server: Server; port: number; ready(): void }> {
  const localRoutes = options.localRoutes ?? [];
  // Until everything has started (workflows resumed, schedules running) a request could meet half a platform.
  let serving = false;
  const match = routeMatcher([...routes, ...localRoutes.map((route) => ({ ...route, function: `local ${route.method} ${route.path}` }))]);
  const localHandlers = new Map(localRoutes.map((route) => [`local ${route.method} ${route.path}`, route.handler]));
  const servedAsAsset = publicAssetServer();
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      // In AWS, CloudFront answers `/assets/*` from the bucket, before (and whatever the state of) the API.
      if (servedAsAsset(request, response, url.pathname)) return;
      if (!serving) return starting(response, url.pathname);
      // As API Gateway's `$default` route does, a request no route matches goes to one function.
      const matched = match(request.method ?? 'GET', url.pathname) ?? { routeKey: '$default', pathParameters: {}, route: { function: unmatchedRequestsFunction } };
      const body = await readBody(request);
      if (body === 'too-large') return apiGatewayError(response, 413, 'Request Entity Too Large');
      const event = toApiGatewayEvent(request, body, matched);
      const handler: LambdaHandler = localHandlers.get(matched.route.function) ?? (await loadHandler(matched.route.function));
      send(response, await handler(event, lambdaContext(matched.route.function, event.requestContext.requestId)));
    } catch (error) {
      console.error(error);
      if (!response.headersSent) apiGatewayError(response, 500, 'Internal Server Error');
    }
  });
  return new Promise((resolve) => {
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : options.port, ready: () => void (serving = true) });
    });
  });
}
