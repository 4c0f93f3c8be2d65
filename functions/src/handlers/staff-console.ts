import {
  NotFoundError,
  formatUkDateTime,
  ValidationError,
  applicationFields,
  applicationFlags,
  areaStage,
  newArea,
  regionComplete,
  fieldMeta,
  inputFromForm,
  parseInput,
  regions,
  reviewSchema,
  sectorNames,
  toCandidate,
  type ApplicationFilters,
  matchesFilters,
} from '@pip/domain';
import { csvResponse } from '../csv';
import { pathParameter, type HttpEvent } from '../kit/event';
import { httpHandler } from '../kit/http-handler';
import { htmlResponse, redirect } from '../kit/responses';
import { CSRF_COOKIE, STAFF_SESSION_COOKIE, type StaffEvent } from '../kit/staff-auth';
import { setCookie } from '../kit/cookies';
import { auditPage } from '../pages/audit-page';
import type { FormValues } from '../pages/form-fields';
import { applicationPage, areaPage, overviewPage } from '../pages/staff-pages';
import { recordReview } from '../review-service';
import { selectionContext } from '../selection-service';
import { getPlatform } from '../wiring';
import { actorOf, auditEntry, staffView } from '../staff-request';
import { newAreaPage } from '../pages/new-area-page';


const flags = Object.keys(applicationFlags) as NonNullable<ApplicationFilters['flag']>[];

/** The filters in the address; a minimum score that is not one gets a message, not a silent shrug. */
function filtersOf(event: HttpEvent): { filters: ApplicationFilters; minScoreText: string; minScoreError?: string } {
  const query = event.queryStringParameters ?? {};
  const minScoreText = (query.minScore ?? '').trim();
  const minScore = Number(minScoreText);
  const scoreGiven = minScoreText !== '';
  const scoreValid = scoreGiven && Number.isFinite(minScore) && minScore >= 1 && minScore <= 5;
  const flag = flags.find((known) => known === query.flag);
  return {
    filters: {
      ...(query.sector === 'local-authority' || query.sector === 'voluntary-community' ? { sector: query.sector } : {}),
      ...(flag ? { flag } : {}),
      ...(scoreValid ? { minScore } : {}),
    },
    minScoreText,
    ...(scoreGiven && !scoreValid ? { minScoreError: 'Enter a mean score from 1 to 5, like 3.5' } : {}),
  };
}

async function applicationDetail(event: HttpEvent, myReview?: FormValues, errors: ValidationError['fieldErrors'] = []) {
  const context = await selectionContext(pathParameter(event, 'areaId'));
  const application = context.applications.find((a) => a.applicationId === pathParameter(event, 'applicationId'));
  if (!application) throw new NotFoundError('Application');
  const reviews = context.reviews.filter((review) => review.applicationId === application.applicationId);
  const { staff } = event as StaffEvent;
  const reviewers = new Set(reviews.map((review) => review.staffId));
  const mine = reviews.find((review) => review.staffId === staff.staffId);
  return applicationPage(staffView(event), {
    area: context.area,
    application,
    candidate: toCandidate(application, reviews),
    reviews,
    notYetReviewed: (await getPlatform().staff.list()).filter((member) => !reviewers.has(member.staffId)),
    myReview: myReview ?? (mine ? Object.fromEntries(Object.entries(mine).map(([key, value]) => [key, String(value)])) : {}),
    errors,
  });
}

export const handler = httpHandler({
  kind: 'page',
  body: 'form',
  routes: [
    { method: 'GET', path: '/staff/new-area', handler: (event) => htmlResponse(200, newAreaPage(staffView(event), {}, [])) },
    {
      method: 'POST',
      path: '/staff/new-area',
      handler: async (event) => {
        const form = (event.parsedBody ?? {}) as FormValues;
        const platform = getPlatform();
        const when = (prefix: string) => ({ date: form[`${prefix}-date`], time: form[`${prefix}-time`] });
        const { area, problems } = newArea({ name: form.name ?? '', regionId: form.regionId ?? '', opens: when('opens'), closes: when('closes') }, platform.clock.now());
        if (!area) return htmlResponse(400, newAreaPage(staffView(event), form, problems));
        const audit = auditEntry(area.areaId, actorOf(event), 'Area added', `${area.name} added, with applications open from ${formatUkDateTime(area.recruitment.opensAt)} to ${formatUkDateTime(area.recruitment.closesAt)}.`, undefined, area);
        if (!(await platform.areas.add(area, audit))) {
          return htmlResponse(409, newAreaPage(staffView(event), form, [{ field: 'name', message: `An area called ${area.name} (or with the address ${area.areaId}) already exists` }]));
        }
        return redirect(`/staff/areas/${encodeURIComponent(area.areaId)}`);
      },
    },
    {
      method: 'GET',
      path: '/staff',
      handler: async (event) => {
        const { areas, applications, selections, workflow, clock } = getPlatform();
        const all = await areas.list();
        const summaries = await Promise.all(
          all.map(async (area) => {
            const [areaApplications, selection, progress] = await Promise.all([
              applications.listForArea(area.areaId),
              selections.get(area.areaId),
              workflow.progress(area.areaId),
            ]);
            const counts = { 'local-authority': 0, 'voluntary-community': 0 };
            for (const application of areaApplications) counts[application.answers.sector] += 1;
            return { area, stage: areaStage(area, selection?.status, clock.now(), progress), counts, progress, stopped: progress?.failure !== undefined };
          }),
        );
        const byRegion = regions.map((region) => {
          const areasOfRegion = summaries.filter((summary) => summary.area.regionId === region.regionId);
          return { regionId: region.regionId, name: region.name, ready: regionComplete(areasOfRegion.map((summary) => summary.progress)), areas: areasOfRegion };
        });
        return htmlResponse(200, overviewPage(staffView(event), byRegion));
      },
    },
    {
      method: 'GET',
      path: '/staff/areas/{areaId}',
      handler: async (event) => {
        const context = await selectionContext(pathParameter(event, 'areaId'));
        const { filters, minScoreText, minScoreError } = filtersOf(event);
        const rows = context.applications
          .map((application) => ({
            application,
            candidate: toCandidate(application, context.reviews),
            reviewCount: context.reviews.filter((review) => review.applicationId === application.applicationId).length,
          }))
          .filter((row) => matchesFilters(row.application, row.candidate, filters))
          .sort((a, b) => (b.candidate.meanScore ?? -1) - (a.candidate.meanScore ?? -1) || a.application.answers.fullName.localeCompare(b.application.answers.fullName));
        const progress = await getPlatform().workflow.progress(context.area.areaId);
        const stage = areaStage(context.area, context.stored?.status, getPlatform().clock.now(), progress);
        return htmlResponse(
          minScoreError ? 400 : 200,
          areaPage(staffView(event), { area: context.area, stage, rows, filters, total: context.applications.length, minScoreText, ...(minScoreError ? { minScoreError } : {}) }),
        );
      },
    },
    {
      method: 'GET',
      path: '/staff/areas/{areaId}/applications.csv',
      handler: async (event) => {
        const context = await selectionContext(pathParameter(event, 'areaId'));
        const header = ['Reference', 'Applied', 'Last changed', ...applicationFields.map((name) => fieldMeta(name).title.replace(' (optional)', '')), 'Nominated by', 'Reviews', 'Mean score'];
        const rows = context.applications.map((application) => {
          const candidate = toCandidate(application, context.reviews);
          return [
            application.applicationId,
            application.submittedAt,
            application.updatedAt,
            ...applicationFields.map((name) => {
              const value = application.answers[name];
              return name === 'sector' ? sectorNames[application.answers.sector] : value === true ? 'Yes' : value;
            }),
            application.nomination ? `${application.nomination.nominatorName} (${application.nomination.body})` : '',
            context.reviews.filter((review) => review.applicationId === application.applicationId).length,
            candidate.meanScore?.toFixed(2) ?? '',
          ];
        });
        return csvResponse(`${context.area.areaId}-applications.csv`, header, rows);
      },
    },
    {
      method: 'GET',
      path: '/staff/areas/{areaId}/applications/{applicationId}',
      handler: async (event) => htmlResponse(200, await applicationDetail(event)),
    },
    {
      method: 'POST',
      path: '/staff/areas/{areaId}/applications/{applicationId}/reviews',
      handler: async (event) => {
        const form = (event.parsedBody ?? {}) as FormValues;
        const areaId = pathParameter(event, 'areaId');
        const applicationId = pathParameter(event, 'applicationId');
        const { staff } = event as StaffEvent;
        try {
          const scores = parseInput(reviewSchema, inputFromForm(reviewSchema.shape, form));
          await recordReview(areaId, applicationId, scores, { staffId: staff.staffId, name: staff.name });
        } catch (error) {
          if (error instanceof ValidationError) return htmlResponse(400, await applicationDetail(event, form, error.fieldErrors));
          throw error;
        }
        return redirect(`/staff/areas/${encodeURIComponent(areaId)}/applications/${encodeURIComponent(applicationId)}#your-review`);
      },
    },
    {
      method: 'POST',
      path: '/staff/sign-out',
      handler: (event) => ({
        ...redirect(process.env.STAFF_SIGN_OUT_URL ?? '/apply'),
        cookies: [STAFF_SESSION_COOKIE, CSRF_COOKIE].map((name) => setCookie(event, name, '', { maxAgeSeconds: 0, sameSite: 'Lax' })),
      }),
    },
    {
      method: 'GET',
      path: '/staff/areas/{areaId}/audit',
      handler: async (event) => {
        const { areas, audit, applications } = getPlatform();
        const area = await areas.existing(pathParameter(event, 'areaId'));
        const [entries, areaApplications] = await Promise.all([audit.listForArea(area.areaId), applications.listForArea(area.areaId)]);
        const names = new Map(areaApplications.map((application) => [application.applicationId, `${application.answers.fullName} (${application.applicationId})`]));
        return htmlResponse(200, auditPage(staffView(event), area, entries, (id) => names.get(id) ?? id));
      },
    },
  ],
});
