/**
 * The route table: the one list of the platform's HTTP routes and the functions that serve them.
 * The CDK stack builds the HTTP API from it and the local server serves it, so it is plain data
 * and imports no handler code.
 */
export type HttpMethod = 'GET' | 'POST';

export interface FunctionAccess {
  table?: 'read' | 'write';
  email?: boolean;
}

export interface PlatformFunction {
  /** Also the handler's file name: `functions/src/handlers/<name>.ts`. */
  name: string;
  description: string;
  access: FunctionAccess;
  /** For functions run on a timer rather than by a request: an EventBridge rate, in minutes. */
  everyMinutes?: number;
}

export interface Route {
  method: HttpMethod;
  /** API Gateway syntax: `/apply/{areaId}`, `/assets/{proxy+}`. */
  path: string;
  function: string;
}

export const platformFunctions = [
  { name: 'applicant-pages', description: 'Application pages for applicants', access: { table: 'write', email: true } },
  { name: 'applications-api', description: 'JSON API for applications, with its OpenAPI document', access: { table: 'write', email: true } },
  { name: 'health', description: 'Answers whether the table and the email service answer', access: { table: 'read', email: true } },
  { name: 'static-assets', description: 'GOV.UK Frontend styles, fonts and images', access: {} },
  { name: 'deliver-emails', description: 'Sends emails left in the outbox', access: { table: 'write', email: true }, everyMinutes: 1 },
] as const satisfies readonly PlatformFunction[];

export type FunctionName = (typeof platformFunctions)[number]['name'];

export const routes: readonly (Route & { function: FunctionName })[] = [
  { method: 'GET', path: '/', function: 'applicant-pages' },
  { method: 'GET', path: '/apply', function: 'applicant-pages' },
  { method: 'GET', path: '/apply/{areaId}', function: 'applicant-pages' },
  { method: 'POST', path: '/apply/{areaId}', function: 'applicant-pages' },
  { method: 'GET', path: '/privacy', function: 'applicant-pages' },
  { method: 'POST', path: '/api/areas/{areaId}/applications', function: 'applications-api' },
  { method: 'GET', path: '/api/openapi.json', function: 'applications-api' },
  { method: 'GET', path: '/health', function: 'health' },
  { method: 'GET', path: '/assets/{proxy+}', function: 'static-assets' },
];

export const routeKey = (route: Route): string => `${route.method} ${route.path}`;
