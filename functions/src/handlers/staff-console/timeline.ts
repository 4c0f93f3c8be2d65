import { decodeTimelineCursor, parseTimelineKinds, type FieldError, type TimelineCursor, type TimelineKind } from '@pip/domain';
import { csvResponse } from '../../kit/csv';
import { pathParameter, type HttpEvent } from '../../kit/event';
import { formRoute } from '../../kit/form';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse, redirect } from '../../kit/responses';
import { staffView } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { timelineHref, timelinePage } from '../../pages/timeline-page';
import { areaTimeline, timelineExport } from '../../use-cases/timeline/area-timeline';

/** What the address asks: `kind=form,email` (the filter's checkboxes) and, past the newest page, `cursor`. */
function asked(event: HttpEvent): { kinds: TimelineKind[]; from?: TimelineCursor } {
  const query = event.queryStringParameters ?? {};
  const kinds = parseTimelineKinds(query.kind);
  return query.cursor === undefined ? { kinds } : { kinds, from: decodeTimelineCursor(query.cursor) };
}

/** The kinds asked for if they can be read, so a page refused for its cursor keeps its filter. */
function kindsIfReadable(event: HttpEvent): TimelineKind[] {
  try {
    return parseTimelineKinds(event.queryStringParameters?.kind);
  } catch {
    return [];
  }
}

/** A cursor problem belongs to no field of the page: its message links to the entries, which start again at the newest. */
const onThePage = (errors: readonly FieldError[]): FieldError[] => errors.map((error) => (error.field === 'cursor' ? { ...error, field: 'main-content' } : error));

/**
 * GET /staff/areas/{areaId}/timeline: a page of the area's timeline. A filter or a page link that is
 * not one this page made is a 400: the newest entries again, with what was wrong.
 */
export const showTimeline: RouteHandler = formRoute(
  async (event) => {
    const view = await areaTimeline(platformPorts(), pathParameter(event, 'areaId'), asked(event));
    return htmlResponse(200, timelinePage(staffView(event), view));
  },
  async (event, status, { errors }) => {
    const view = await areaTimeline(platformPorts(), pathParameter(event, 'areaId'), { kinds: kindsIfReadable(event) });
    return htmlResponse(status, timelinePage(staffView(event), { ...view, errors: onThePage(errors) }));
  },
);

/** GET /staff/areas/{areaId}/timeline.csv: every entry of the kinds asked for, as the pages show them. */
export const downloadTimeline: RouteHandler = async (event) => {
  const { filename, header, rows } = await timelineExport(platformPorts(), pathParameter(event, 'areaId'), parseTimelineKinds(event.queryStringParameters?.kind));
  return csvResponse(filename, header, rows);
};

/** GET /staff/areas/{areaId}/audit: the audit log is the timeline now; old links and bookmarks land there. */
export const redirectAuditLog: RouteHandler = async (event) => redirect(timelineHref(pathParameter(event, 'areaId'), []));
