/**
 * The route table: the one list of the platform's HTTP routes and the functions that serve them.
 * The CDK stack builds the HTTP API from it and the local server serves it, so it is plain data
 * and imports no handler code.
 */
export type HttpMethod = 'GET' | 'POST';

/**
 * What a function may do to the table, each granted exactly: `describe` is the health check's
 * question; `read` is GetItem, BatchGetItem and Query; `write` adds Put, Update and the condition checks inside
 * transactions; `delete` only where a store removes an item (a staff step's token taken, an
 * application moved to a corrected address, a free consultancy slot removed).
 */
export type TableAccess = 'describe' | 'read' | 'write' | 'delete';

export interface FunctionAccess {
  table?: readonly TableAccess[];
  /**
   * Sends email through SES: only the functions that deliver the outbox (the stream's, the minute's).
   * Every other function queues its emails in the table and bundles no email client.
   */
  email?: boolean;
  /** Asks the email service about the account (the health check's question); sends nothing. */
  emailAccount?: boolean;
  /** Starts (or restarts) area workflows, and answers the steps where they wait for staff. */
  workflow?: readonly ('start' | 'respond')[];
}

export interface PlatformFunction {
  /** Also the handler's file name: `functions/src/handlers/<name>.ts`. */
  name: string;
  description: string;
  access: FunctionAccess;
  /** For functions run on a timer rather than by a request: an EventBridge rate, in minutes. */
  everyMinutes?: number;
  /** Subscribed to the email service's reports of what became of each email sent. */
  emailReports?: true;
  /** Invoked by the table's stream with the new records it acts on (`newRecordFilters`), and may read the stream. */
  tableStream?: true;
}

export interface Route {
  method: HttpMethod;
  /** API Gateway syntax: `/apply/{areaId}`, `/assets/{proxy+}`. */
  path: string;
  function: string;
  /**
   * Open to anyone. Every other route is for signed-in staff only unless `for` names another
   * group: the HTTP kit reads these when it builds a function's router, so the table is what grants access.
   */
  public?: true;
  /**
   * For the reference group (who read published reports and shared plans). Staff may use these
   * routes too, to see what the group sees; the reference group may use no other signed-in route.
   */
  for?: 'reference-group';
}

/** Who may use a route, as the table says: anyone, staff only (the default, with no word), or the reference group. */
export type RouteAudience = 'anyone' | 'staff' | 'reference-group';

export const audienceOf = (route: Route): RouteAudience => (route.public ? 'anyone' : (route.for ?? 'staff'));

export const platformFunctions = [
  { name: 'applicant-pages', description: 'Application and nomination pages', access: { table: ['read', 'write'] } },
  { name: 'applications-api', description: 'JSON API for applications, with its OpenAPI document', access: { table: ['read', 'write'] } },
  { name: 'health', description: 'Answers whether the table and the email service answer', access: { table: ['describe'], emailAccount: true } },
  { name: 'staff-sign-in', description: 'Staff sign-in with Cognito', access: { table: ['read', 'write'] } },
  { name: 'staff-console', description: 'Staff console: areas, applications, reviews, audit log', access: { table: ['read', 'write', 'delete'] } },
  { name: 'staff-selection', description: 'Staff console: the selection of six plus six', access: { table: ['read', 'write', 'delete'], workflow: ['respond'] } },
  { name: 'staff-area-programme', description: 'Staff console: area visit, workshops, attendance, stages, timeline, learning events', access: { table: ['read', 'write', 'delete'], workflow: ['start', 'respond'] } },
  { name: 'participant-links', description: 'Emailed links: consultancy bookings, the follow-up review, the evaluation', access: { table: ['read', 'write'] } },
  { name: 'staff-consultancy', description: 'Staff console: consultancy slots and sessions, follow-up review, progress reviews', access: { table: ['read', 'write', 'delete'] } },
  { name: 'staff-reports', description: 'Staff console: evaluation reports and their CSV, reminders to answer, comments to publish', access: { table: ['read', 'write'] } },
  { name: 'area-workflow', description: 'Carries out the steps of the area workflow', access: { table: ['read', 'write', 'delete'], workflow: ['respond'] } },
  {
    name: 'start-area-workflows',
    description: 'Starts the workflow of each area whose recruitment has opened, and completes approvals that stopped part-way',
    access: { table: ['read', 'write', 'delete'], workflow: ['start', 'respond'] },
    everyMinutes: 5,
  },
  { name: 'staff-api', description: 'JSON API for staff', access: { table: ['read'] } },
  { name: 'reference-group-pages', description: 'The reference group: published evaluation reports and the learning library, never a person', access: { table: ['read'] } },
  { name: 'participation-pages', description: 'Emailed links: withdrawing, answering a reserve offer', access: { table: ['read', 'write'] } },
  { name: 'deliver-emails', description: 'Sends emails left in the outbox', access: { table: ['read', 'write'], email: true }, everyMinutes: 1 },
  {
    name: 'act-on-new-records',
    description: 'Sends each email left to go as soon as it is stored, and clears what an address saved once it applies, from the table stream',
    access: { table: ['read', 'write', 'delete'], email: true },
    tableStream: true,
  },
  {
    name: 'apply-retention',
    description: 'Once a day, removes or redacts the personal data the retention schedule says is due, and counts it in each area timeline',
    access: { table: ['read', 'write', 'delete'] },
    everyMinutes: 1440,
  },
  {
    name: 'email-reports',
    description: 'Records what became of each email (delivered, bounced, complained) and tells staff of those that did not arrive',
    access: { table: ['read', 'write'] },
    emailReports: true,
  },
] as const satisfies readonly PlatformFunction[];

export type FunctionName = (typeof platformFunctions)[number]['name'];

export const routes = [
  { method: 'GET', path: '/', function: 'applicant-pages', public: true },
  { method: 'GET', path: '/apply', function: 'applicant-pages', public: true },
  { method: 'GET', path: '/apply/{areaId}', function: 'applicant-pages', public: true },
  { method: 'POST', path: '/apply/{areaId}', function: 'applicant-pages', public: true },
  { method: 'POST', path: '/apply/{areaId}/send', function: 'applicant-pages', public: true },
  { method: 'GET', path: '/apply/{areaId}/saved/{token}', function: 'applicant-pages', public: true },
  { method: 'GET', path: '/application/{token}', function: 'applicant-pages', public: true },
  { method: 'GET', path: '/application/{token}/change', function: 'applicant-pages', public: true },
  { method: 'POST', path: '/application/{token}/change', function: 'applicant-pages', public: true },
  { method: 'POST', path: '/application/{token}/send', function: 'applicant-pages', public: true },
  { method: 'GET', path: '/nominate/{token}', function: 'applicant-pages', public: true },
  { method: 'POST', path: '/nominate/{token}', function: 'applicant-pages', public: true },
  { method: 'GET', path: '/privacy', function: 'applicant-pages', public: true },
  { method: 'POST', path: '/api/areas/{areaId}/applications', function: 'applications-api', public: true },
  { method: 'GET', path: '/api/openapi.json', function: 'applications-api', public: true },
  { method: 'GET', path: '/health', function: 'health', public: true },
  { method: 'GET', path: '/participation/{token}', function: 'participation-pages', public: true },
  { method: 'POST', path: '/participation/{token}', function: 'participation-pages', public: true },
  { method: 'GET', path: '/consultancy/{token}', function: 'participant-links', public: true },
  { method: 'POST', path: '/consultancy/{token}', function: 'participant-links', public: true },
  { method: 'GET', path: '/follow-up/{token}', function: 'participant-links', public: true },
  { method: 'POST', path: '/follow-up/{token}', function: 'participant-links', public: true },
  { method: 'GET', path: '/evaluation/{token}', function: 'participant-links', public: true },
  { method: 'POST', path: '/evaluation/{token}', function: 'participant-links', public: true },
  { method: 'GET', path: '/staff/sign-in', function: 'staff-sign-in', public: true },
  { method: 'GET', path: '/staff/auth/callback', function: 'staff-sign-in', public: true },
  { method: 'POST', path: '/staff/sign-out', function: 'staff-console' },
  { method: 'GET', path: '/staff', function: 'staff-console' },
  { method: 'GET', path: '/staff/new-area', function: 'staff-console' },
  { method: 'POST', path: '/staff/new-area', function: 'staff-console' },
  { method: 'GET', path: '/staff/partners', function: 'staff-console' },
  { method: 'POST', path: '/staff/partners', function: 'staff-console' },
  { method: 'POST', path: '/staff/partners/{partnerId}/revoke', function: 'staff-console' },
  { method: 'GET', path: '/staff/areas/{areaId}', function: 'staff-console' },
  { method: 'GET', path: '/staff/areas/{areaId}/applications.csv', function: 'staff-console' },
  { method: 'GET', path: '/staff/areas/{areaId}/applications/{applicationId}', function: 'staff-console' },
  { method: 'POST', path: '/staff/areas/{areaId}/applications/{applicationId}/reviews', function: 'staff-console' },
  { method: 'POST', path: '/staff/areas/{areaId}/applications/{applicationId}/email', function: 'staff-console' },
  { method: 'POST', path: '/staff/areas/{areaId}/applications/{applicationId}/conflicts', function: 'staff-console' },
  { method: 'GET', path: '/staff/areas/{areaId}/audit', function: 'staff-console' },
  { method: 'GET', path: '/staff/areas/{areaId}/timeline', function: 'staff-console' },
  { method: 'GET', path: '/staff/areas/{areaId}/timeline.csv', function: 'staff-console' },
  { method: 'GET', path: '/staff/areas/{areaId}/roster', function: 'staff-console' },
  { method: 'GET', path: '/staff/areas/{areaId}/roster.csv', function: 'staff-console' },
  { method: 'GET', path: '/staff/people', function: 'staff-console' },
  { method: 'GET', path: '/staff/people/record', function: 'staff-console' },
  { method: 'GET', path: '/staff/people/record.json', function: 'staff-console' },
  { method: 'POST', path: '/staff/people/erase', function: 'staff-console' },
  { method: 'GET', path: '/staff/profile', function: 'staff-console' },
  { method: 'POST', path: '/staff/profile', function: 'staff-console' },
  { method: 'GET', path: '/staff/areas/{areaId}/selection', function: 'staff-selection' },
  { method: 'POST', path: '/staff/areas/{areaId}/selection', function: 'staff-selection' },
  { method: 'POST', path: '/staff/areas/{areaId}/selection/withdrawals', function: 'staff-selection' },
  { method: 'POST', path: '/staff/areas/{areaId}/selection/withdrawals/undo', function: 'staff-selection' },
  { method: 'POST', path: '/staff/areas/{areaId}/selection/leads', function: 'staff-selection' },
  { method: 'GET', path: '/staff/areas/{areaId}/programme', function: 'staff-area-programme' },
  { method: 'POST', path: '/staff/areas/{areaId}/programme/visit', function: 'staff-area-programme' },
  { method: 'POST', path: '/staff/areas/{areaId}/programme/workshops', function: 'staff-area-programme' },
  { method: 'POST', path: '/staff/areas/{areaId}/programme/workshops/plan', function: 'staff-area-programme' },
  { method: 'POST', path: '/staff/areas/{areaId}/programme/workshops/shift', function: 'staff-area-programme' },
  { method: 'POST', path: '/staff/areas/{areaId}/programme/attendance', function: 'staff-area-programme' },
  { method: 'POST', path: '/staff/areas/{areaId}/programme/steps', function: 'staff-area-programme' },
  { method: 'POST', path: '/staff/areas/{areaId}/programme/resume', function: 'staff-area-programme' },
  { method: 'GET', path: '/staff/areas/{areaId}/window', function: 'staff-area-programme' },
  { method: 'POST', path: '/staff/areas/{areaId}/window', function: 'staff-area-programme' },
  { method: 'GET', path: '/staff/areas/{areaId}/consultancy', function: 'staff-consultancy' },
  { method: 'GET', path: '/staff/areas/{areaId}/progress-reviews', function: 'staff-consultancy' },
  { method: 'POST', path: '/staff/areas/{areaId}/progress-reviews', function: 'staff-consultancy' },
  { method: 'POST', path: '/staff/areas/{areaId}/progress-reviews/sharing', function: 'staff-consultancy' },
  { method: 'POST', path: '/staff/areas/{areaId}/consultancy/slots', function: 'staff-consultancy' },
  { method: 'GET', path: '/staff/areas/{areaId}/consultancy/slots/{slotId}', function: 'staff-consultancy' },
  { method: 'POST', path: '/staff/areas/{areaId}/consultancy/slots/{slotId}', function: 'staff-consultancy' },
  { method: 'POST', path: '/staff/areas/{areaId}/consultancy/slots/{slotId}/remove', function: 'staff-consultancy' },
  { method: 'POST', path: '/staff/areas/{areaId}/consultancy/bookings', function: 'staff-consultancy' },
  { method: 'POST', path: '/staff/areas/{areaId}/consultancy/held', function: 'staff-consultancy' },
  { method: 'POST', path: '/staff/areas/{areaId}/consultancy/cancel', function: 'staff-consultancy' },
  { method: 'POST', path: '/staff/areas/{areaId}/consultancy/reminders', function: 'staff-consultancy' },
  { method: 'POST', path: '/staff/areas/{areaId}/consultancy/follow-up', function: 'staff-consultancy' },
  { method: 'POST', path: '/staff/areas/{areaId}/consultancy/follow-up/confirm', function: 'staff-consultancy' },
  { method: 'POST', path: '/staff/areas/{areaId}/consultancy/follow-up/reminders', function: 'staff-consultancy' },
  { method: 'GET', path: '/staff/regions/{regionId}/learning-event', function: 'staff-area-programme' },
  { method: 'POST', path: '/staff/regions/{regionId}/learning-event', function: 'staff-area-programme' },
  { method: 'GET', path: '/staff/reports', function: 'staff-reports' },
  { method: 'GET', path: '/staff/reports.csv', function: 'staff-reports' },
  { method: 'GET', path: '/staff/library', function: 'staff-reports' },
  { method: 'GET', path: '/staff/library.csv', function: 'staff-reports' },
  { method: 'GET', path: '/staff/regions/{regionId}/report', function: 'staff-reports' },
  { method: 'GET', path: '/staff/regions/{regionId}/report.csv', function: 'staff-reports' },
  { method: 'GET', path: '/staff/areas/{areaId}/report', function: 'staff-reports' },
  { method: 'GET', path: '/staff/areas/{areaId}/report.csv', function: 'staff-reports' },
  { method: 'POST', path: '/staff/areas/{areaId}/report/reminders', function: 'staff-reports' },
  { method: 'POST', path: '/staff/areas/{areaId}/report/comments', function: 'staff-reports' },
  { method: 'GET', path: '/api/staff/areas/{areaId}/applications', function: 'staff-api' },
  { method: 'GET', path: '/api/staff/areas/{areaId}/selection', function: 'staff-api' },
  { method: 'GET', path: '/reference', function: 'reference-group-pages', for: 'reference-group' },
  { method: 'POST', path: '/reference/sign-out', function: 'reference-group-pages', for: 'reference-group' },
  { method: 'GET', path: '/reference/reports', function: 'reference-group-pages', for: 'reference-group' },
  { method: 'GET', path: '/reference/reports.csv', function: 'reference-group-pages', for: 'reference-group' },
  { method: 'GET', path: '/reference/regions/{regionId}/report', function: 'reference-group-pages', for: 'reference-group' },
  { method: 'GET', path: '/reference/regions/{regionId}/report.csv', function: 'reference-group-pages', for: 'reference-group' },
  { method: 'GET', path: '/reference/library', function: 'reference-group-pages', for: 'reference-group' },
  { method: 'GET', path: '/reference/library.csv', function: 'reference-group-pages', for: 'reference-group' },
] as const satisfies readonly (Route & { function: FunctionName })[];

type TableRoute = (typeof routes)[number];

/** The paths the table serves (by this method), as written there: a link to any other is a type error. */
export type RoutePath<M extends HttpMethod = HttpMethod> = Extract<TableRoute, { method: M }>['path'];

/** The routes one function serves, as `METHOD /path` keys: a handler serves exactly these. */
export type RouteKeyOf<F extends FunctionName> = Extract<TableRoute, { function: F }> extends infer R
  ? R extends { method: infer M extends string; path: infer P extends string }
    ? `${M} ${P}`
    : never
  : never;

/**
 * Where a request that matches no route goes (API Gateway's `$default` route): the public pages,
 * whose router answers with a "Page not found" page, or JSON under /api/.
 */
export const unmatchedRequestsFunction: FunctionName = 'applicant-pages';

export const routeKey = (route: Route): string => `${route.method} ${route.path}`;
