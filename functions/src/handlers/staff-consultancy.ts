import {
  ValidationError,
  dateProblem,
  isClockTime,
  ukInstantFrom,
  objectiveStatuses,
  progressReviewProblems,
  reviewOccasions,
  sessionNumbers,
  type FieldError,
  type ObjectiveStatus,
  type ProgressReview,
  type ReviewOccasion,
  type SessionNumber,
} from '@pip/domain';
import { progressReviewPage } from '../pages/progress-review-page';
import { pathParameter, type HttpEvent } from '../kit/event';
import { httpHandler } from '../kit/http-handler';
import { htmlResponse, redirect } from '../kit/responses';
import { bookSession, consultancyState, consultancyStates, publishSlot, recordSessionHeld } from '../consultancy-service';
import type { FormValues } from '../pages/form-fields';
import { staffConsultancyPage } from '../pages/consultancy-pages';
import { actorOf, auditEntry, staffView } from '../staff-request';
import { confirmFollowUp, proposeFollowUp } from '../follow-up-service';
import { getPlatform } from '../wiring';

const NOTICES: Record<string, string> = {
  slot: 'The slot is published.',
  booked: 'The session is booked; the leads and the facilitator are emailed.',
  held: 'Recorded as held.',
  proposed: 'The dates are proposed and every participant is asked.',
  confirmed: 'The date is confirmed and everyone is invited.',
};

async function render(event: HttpEvent, status: number, options: { values?: FormValues; errors?: FieldError[]; notice?: string } = {}) {
  const areaId = pathParameter(event, 'areaId');
  const platform = getPlatform();
  const [states, followUp, answers] = await Promise.all([
    consultancyStates(areaId),
    platform.consultancy.followUp(areaId),
    platform.consultancy.followUpAnswers(areaId),
  ]);
  return htmlResponse(
    status,
    staffConsultancyPage(staffView(event), { states, leads: states[0]!.leads.map((lead) => lead.name), followUp, answers, values: options.values ?? {}, errors: options.errors ?? [], notice: options.notice }),
  );
}

const done = (areaId: string, what: string) => redirect(`/staff/areas/${encodeURIComponent(areaId)}/consultancy?done=${what}`);
const sessionOf = (value: string | undefined): SessionNumber | undefined => sessionNumbers.find((session) => String(session) === value);

const occasionOf = (value: string | undefined): ReviewOccasion => (value && value in reviewOccasions ? (value as ReviewOccasion) : 'session-1');

async function renderReviews(event: HttpEvent, status: number, options: { values?: FormValues; errors?: FieldError[]; notice?: string; occasion?: ReviewOccasion } = {}) {
  const areaId = pathParameter(event, 'areaId');
  const platform = getPlatform();
  const [area, plan, reviews] = await Promise.all([platform.areas.existing(areaId), platform.workflow.actionPlan(areaId), platform.workflow.progressReviews(areaId)]);
  const order = Object.keys(reviewOccasions);
  reviews.sort((a, b) => order.indexOf(a.occasion) - order.indexOf(b.occasion));
  return htmlResponse(
    status,
    progressReviewPage(staffView(event), {
      area,
      plan,
      reviews,
      occasion: options.occasion ?? occasionOf(event.queryStringParameters?.occasion),
      values: options.values ?? {},
      errors: options.errors ?? [],
      notice: options.notice,
    }),
  );
}

export const handler = httpHandler({
  kind: 'page',
  body: 'form',
  routes: [
    {
      method: 'GET',
      path: '/staff/areas/{areaId}/progress-reviews',
      handler: (event) => renderReviews(event, 200, { notice: event.queryStringParameters?.done ? 'The progress review is saved.' : undefined }),
    },
    {
      method: 'POST',
      path: '/staff/areas/{areaId}/progress-reviews',
      handler: async (event) => {
        const form = (event.parsedBody ?? {}) as FormValues;
        const areaId = pathParameter(event, 'areaId');
        const platform = getPlatform();
        const plan = await platform.workflow.actionPlan(areaId);
        const occasion = occasionOf(form.occasion);
        if (!plan) return renderReviews(event, 409, { errors: [{ field: 'occasion', message: 'Record the action plan’s objectives first, when it is agreed' }] });
        const statuses = Object.fromEntries(plan.objectives.map((objective) => [objective.objectiveId, form[`status-${objective.objectiveId}`]]));
        const problems = progressReviewProblems(plan, statuses);
        if (problems.length > 0) return renderReviews(event, 400, { values: form, errors: problems, occasion });
        const actor = actorOf(event);
        const review: ProgressReview = {
          areaId,
          occasion,
          objectives: plan.objectives.map((objective) => {
            const note = (form[`note-${objective.objectiveId}`] ?? '').trim().slice(0, 1000);
            return { objectiveId: objective.objectiveId, status: statuses[objective.objectiveId] as ObjectiveStatus, ...(note ? { note } : {}) };
          }),
          ...((form.newConcerns ?? '').trim() ? { newConcerns: form.newConcerns!.trim().slice(0, 3000) } : {}),
          recordedBy: actor.name,
          recordedAt: platform.clock.now().toISOString(),
        };
        await platform.workflow.saveProgressReview(review);
        await platform.audit.record(auditEntry(areaId, actor, 'Progress review recorded', `${reviewOccasions[occasion]}: ${review.objectives.map((objective, index) => `objective ${index + 1} ${objectiveStatuses[objective.status].toLowerCase()}`).join(', ')}.`, undefined, review));
        return redirect(`/staff/areas/${encodeURIComponent(areaId)}/progress-reviews?occasion=${occasion}&done=1`);
      },
    },
    {
      method: 'GET',
      path: '/staff/areas/{areaId}/consultancy',
      handler: (event) => render(event, 200, { notice: NOTICES[event.queryStringParameters?.done ?? ''] }),
    },
    {
      method: 'POST',
      path: '/staff/areas/{areaId}/consultancy/slots',
      handler: async (event) => {
        const form = (event.parsedBody ?? {}) as FormValues;
        const areaId = pathParameter(event, 'areaId');
        const errors: FieldError[] = [];
        const slotDateProblem = dateProblem(form.date, 'the date of the slot');
        if (slotDateProblem) errors.push({ field: 'date', message: slotDateProblem });
        for (const field of ['start', 'end'] as const) {
          if (!isClockTime((form[field] ?? '').trim())) errors.push({ field, message: `Enter the ${field} time, like 10:00` });
        }
        const mode = form.mode === 'online' ? 'online' : 'in-person';
        if (errors.length > 0) return render(event, 400, { values: form, errors });
        try {
          await publishSlot(areaId, {
            facilitator: form.facilitator ?? '',
            facilitatorEmail: form.facilitatorEmail ?? '',
            startsAt: ukInstantFrom(form.date, form.start)!,
            endsAt: ukInstantFrom(form.date, form.end)!,
            mode,
            where: form.where ?? '',
          }, actorOf(event));
        } catch (error) {
          if (error instanceof ValidationError) return render(event, 400, { values: form, errors: error.fieldErrors });
          throw error;
        }
        return done(areaId, 'slot');
      },
    },
    {
      method: 'POST',
      path: '/staff/areas/{areaId}/consultancy/bookings',
      handler: async (event) => {
        const form = (event.parsedBody ?? {}) as FormValues;
        const areaId = pathParameter(event, 'areaId');
        const session = sessionOf(form.session);
        if (!session || !form.slotId) return render(event, 400, { errors: [{ field: 'session', message: 'Choose a time to book' }] });
        const outcome = await bookSession(await consultancyState(areaId, session), form.slotId, `${actorOf(event).name} (programme team)`, undefined);
        if (outcome !== 'booked') return render(event, 409, { errors: [{ field: 'session', message: 'That time was just taken, or the session changed. Check the page and try again.' }] });
        return done(areaId, 'booked');
      },
    },
    {
      method: 'POST',
      path: '/staff/areas/{areaId}/consultancy/held',
      handler: async (event) => {
        const form = (event.parsedBody ?? {}) as FormValues;
        const areaId = pathParameter(event, 'areaId');
        const session = sessionOf(form.session);
        const notes = (form.notes ?? '').trim().slice(0, 4000);
        if (!session || !(await recordSessionHeld(areaId, session, notes, actorOf(event)))) {
          return render(event, 409, { errors: [{ field: 'session', message: 'A session can be recorded as held once it has started' }] });
        }
        return done(areaId, 'held');
      },
    },
    {
      method: 'POST',
      path: '/staff/areas/{areaId}/consultancy/follow-up',
      handler: async (event) => {
        const form = (event.parsedBody ?? {}) as FormValues;
        const areaId = pathParameter(event, 'areaId');
        const options: { startsAt: Date; endsAt: Date }[] = [];
        const errors: FieldError[] = [];
        for (const n of [1, 2, 3]) {
          const date = form[`follow-up-${n}-date`];
          if (!date?.trim() && n === 3) continue;
          const startsAt = ukInstantFrom(date, form[`follow-up-${n}-start`]);
          const endsAt = ukInstantFrom(date, form[`follow-up-${n}-end`]);
          if (!startsAt || !endsAt || endsAt <= startsAt) {
            errors.push({ field: `follow-up-${n}-date`, message: `Enter date ${n} with its start and end times` });
            continue;
          }
          options.push({ startsAt, endsAt });
        }
        if (errors.length > 0) return render(event, 400, { values: form, errors });
        try {
          await proposeFollowUp(areaId, options, form['follow-up-venue'] ?? '', actorOf(event));
        } catch (error) {
          if (error instanceof ValidationError) return render(event, 400, { values: form, errors: error.fieldErrors });
          throw error;
        }
        return done(areaId, 'proposed');
      },
    },
    {
      method: 'POST',
      path: '/staff/areas/{areaId}/consultancy/follow-up/confirm',
      handler: async (event) => {
        const areaId = pathParameter(event, 'areaId');
        if (!(await confirmFollowUp(areaId, actorOf(event)))) return render(event, 409, { errors: [{ field: 'follow-up-confirm', message: 'The date is confirmed already, or no dates are proposed' }] });
        return done(areaId, 'confirmed');
      },
    },
  ],
});
