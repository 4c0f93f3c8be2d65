import {
  ConcurrentChangeError,
  NotFoundError,
  SelectionChangedError,
  ValidationError,
  answerOffer,
  finalOutcomes,
  formatUkDateTime,
  recruitmentState,
  sameSelection,
  proposeSelection,
  sectors,
  selectionBreaches,
  toCandidate,
  withdrawParticipant,
  type Actor,
  type Application,
  type Area,
  type AreaSelection,
  type AuditEntry,
  type Sector,
  type SelectionDraft,
  LOST_RACE,
  takeTurns,
} from '@pip/domain';
import { selectionEmails } from '@pip/mail';
import { newEmailedLink } from './emailed-links';
import { queueAndSend, type EmailToSend } from './send-emails';
import { completeStaffStep } from './staff-steps';
import { auditEntry } from './staff-request';
import { invitationsFollowSelection } from './workshop-emails';
import { getPlatform } from './wiring';

const DAY = 24 * 60 * 60 * 1000;
/** A selected participant may withdraw at any time up to the end of the programme, about nine months. */
const WITHDRAW_LINK_DAYS = 270;
const OFFER_ANSWER_DAYS = 14;

export async function selectionContext(areaId: string) {
  const { areas, applications, reviews, selections } = getPlatform();
  const [area, areaApplications, areaReviews, stored] = await Promise.all([
    areas.existing(areaId),
    applications.listForArea(areaId),
    reviews.listForArea(areaId),
    selections.get(areaId),
  ]);
  const candidates = areaApplications.map((application) => toCandidate(application, areaReviews));
  return { area, applications: areaApplications, reviews: areaReviews, candidates, stored, proposal: proposeSelection(candidates) };
}

export type SelectionContext = Awaited<ReturnType<typeof selectionContext>>;

/** What staff see as the current selection: the stored one, or the proposal if nobody has edited it. */
export function currentDraft(context: SelectionContext): SelectionDraft & { version: number } {
  if (context.stored) return context.stored;
  return { selected: context.proposal.selected, leads: {}, version: 0 };
}

const snapshot = (selection: SelectionDraft | undefined) =>
  selection ? { selected: selection.selected, leads: selection.leads } : undefined;

function conflict(stored: AreaSelection | undefined): SelectionChangedError {
  const what = stored?.status === 'approved' ? `${stored.approvedBy?.name ?? 'Someone'} approved it` : `${stored?.updatedBy.name ?? 'someone'} changed it`;
  return new SelectionChangedError(
    `The selection changed while you were looking at it: ${what}. Nothing you sent was saved. Check the current selection and try again.`,
  );
}

export async function saveDraft(areaId: string, actor: Actor, draft: SelectionDraft, expectedVersion: number): Promise<void> {
  const context = await selectionContext(areaId);
  if (context.stored?.status === 'approved') throw conflict(context.stored);
  const now = getPlatform().clock.now().toISOString();
  const next: AreaSelection = { areaId, ...draft, version: expectedVersion + 1, status: 'draft', updatedBy: actor, updatedAt: now };
  const audit = auditEntry(areaId, actor, 'Selection edited', 'Changed who is selected or who leads.', snapshot(currentDraft(context)), snapshot(next));
  if (!(await getPlatform().selections.write(next, expectedVersion, audit))) throw conflict(await getPlatform().selections.get(areaId));
}

/**
 * Approves exactly the selection the staff member saw and edited, if nobody changed it since, and
 * then tells every applicant the outcome. Retrying an approval that went through sends nothing twice.
 */
export async function approveSelection(areaId: string, actor: Actor, draft: SelectionDraft, expectedVersion: number, baseUrl: string): Promise<void> {
  const context = await selectionContext(areaId);
  if (recruitmentState(context.area, getPlatform().clock.now()) !== 'closed') {
    throw new ValidationError([
      { field: 'selection', message: `Applications are open until ${formatUkDateTime(context.area.recruitment.closesAt)}: approve the selection once they have closed.` },
    ]);
  }
  const blocking = selectionBreaches(draft, context.candidates).filter((breach) => breach.blocksApproval);
  if (blocking.length > 0) throw new ValidationError(blocking.map((breach) => ({ field: 'selection', message: breach.message })));
  const platform = getPlatform();
  const stored = context.stored;
  const alreadyApprovedThis =
    stored?.status === 'approved' && stored.approvedBy?.staffId === actor.staffId && sameSelection(stored, draft);
  let approved = stored;
  if (!alreadyApprovedThis) {
    const now = platform.clock.now().toISOString();
    const { outcomes, reserves } = finalOutcomes(draft, context.candidates);
    const next: AreaSelection = {
      areaId, ...draft, version: expectedVersion + 1, status: 'approved', updatedBy: actor, updatedAt: now,
      approvedBy: actor, approvedAt: now, outcomes, reserves, offered: {}, withdrawn: [], declined: [],
    };
    const audit = auditEntry(areaId, actor, 'Selection approved', `Approved ${draft.selected['local-authority'].length} local authority and ${draft.selected['voluntary-community'].length} VCS participants, with their leads. The selection is now locked.`, snapshot(currentDraft(context)), { ...snapshot(next), outcomes });
    if (stored?.status === 'approved' || !(await platform.selections.write(next, expectedVersion, audit))) {
      throw conflict(await platform.selections.get(areaId));
    }
    approved = next;
  }
  await sendOutcomeEmails(context.area, approved!, context.applications, baseUrl);
  await completeStaffStep(areaId, 'selection-approval', actor);
}

function withdrawLink(area: Area, application: Application, baseUrl: string) {
  const expiresAt = new Date(getPlatform().clock.now().getTime() + WITHDRAW_LINK_DAYS * DAY).toISOString();
  return newEmailedLink({ purpose: 'withdraw', areaId: area.areaId, applicationId: application.applicationId, expiresAt }, (token) => `${baseUrl}/participation/${token}`);
}

/** One outcome email per applicant, whatever happens: the message id is the applicant's, so a retry queues nothing new. */
export async function sendOutcomeEmails(area: Area, selection: AreaSelection, applications: Application[], baseUrl: string): Promise<void> {
  const applyUrl = `${baseUrl}/apply`;
  await queueAndSend(
    applications.flatMap((application) => {
      const outcome = selection.outcomes?.[application.applicationId];
      if (!outcome) return [];
      if (outcome.kind === 'selected') {
        const { url, link } = withdrawLink(area, application, baseUrl);
        const isLead = sectors.some((sector) => selection.leads[sector] === application.applicationId);
        return [{ email: selectionEmails.selected(area, application, url, isLead), link }];
      }
      if (outcome.kind === 'reserve') return [{ email: selectionEmails.reserve(area, application, outcome.rank, applyUrl) }];
      return [{ email: selectionEmails.notSelected(area, application, applyUrl) }];
    }),
  );
}

function offerEmail(area: Area, application: Application, baseUrl: string): EmailToSend {
  const answerBy = new Date(getPlatform().clock.now().getTime() + OFFER_ANSWER_DAYS * DAY).toISOString();
  const { url, link } = newEmailedLink({ purpose: 'reserve-offer', areaId: area.areaId, applicationId: application.applicationId, expiresAt: answerBy }, (token) => `${baseUrl}/participation/${token}`);
  return { email: selectionEmails.placeOffered(area, application, url, answerBy), link };
}

/** Applies a change to an approved selection, retrying when another change lands first. */
async function changeApproved(
  areaId: string,
  change: (selection: AreaSelection, context: SelectionContext) => { next: AreaSelection; audit: AuditEntry; emails: (context: SelectionContext) => EmailToSend[] } | undefined,
): Promise<boolean> {
  return takeTurns(async () => {
    const context = await selectionContext(areaId);
    if (context.stored?.status !== 'approved') return false;
    const result = change(context.stored, context);
    if (!result) return false;
    if (!(await getPlatform().selections.write(result.next, context.stored.version, result.audit))) return LOST_RACE;
    await queueAndSend(result.emails(context));
    return true;
  }, () => new ConcurrentChangeError('The selection'));
}

function applicationIn(context: SelectionContext, applicationId: string): Application {
  const application = context.applications.find((candidate) => candidate.applicationId === applicationId);
  if (!application) throw new NotFoundError('Application');
  return application;
}

/** A selected participant withdraws (through their link, or staff record it); the next reserve is offered the place. */
export async function recordWithdrawal(areaId: string, applicationId: string, actor: Actor, baseUrl: string): Promise<boolean> {
  const withdrawn = await changeApproved(areaId, (stored, context) => {
    const withdrawal = withdrawParticipant(stored, applicationId);
    if (!withdrawal) return undefined;
    const next = { ...withdrawal.selection, version: stored.version + 1, updatedBy: actor, updatedAt: getPlatform().clock.now().toISOString() };
    const person = applicationIn(context, applicationId);
    const offered = withdrawal.offeredTo ? applicationIn(context, withdrawal.offeredTo) : undefined;
    const summary = [
      `${person.answers.fullName} withdrew.`,
      withdrawal.wasLead ? 'They were a lead: name a new lead.' : '',
      offered ? `The place was offered to ${offered.answers.fullName}, the next reserve.` : 'No reserve is left to offer the place to.',
    ].filter(Boolean).join(' ');
    return {
      next,
      audit: auditEntry(areaId, actor, 'Participant withdrew', summary, snapshot(stored), snapshot(next)),
      emails: () => [
        { email: selectionEmails.withdrawalConfirmed(context.area, person, `${baseUrl}/apply`) },
        ...(offered ? [offerEmail(context.area, offered, baseUrl)] : []),
      ],
    };
  });
  if (withdrawn) await invitationsFollowSelection(areaId, { left: applicationId });
  return withdrawn;
}

/** The offered reserve accepts or declines; a decline passes the offer to the next reserve. */
export async function recordOfferAnswer(areaId: string, applicationId: string, accepted: boolean, actor: Actor, baseUrl: string): Promise<boolean> {
  const answered = await changeApproved(areaId, (stored, context) => {
    const answer = answerOffer(stored, applicationId, accepted);
    if (!answer) return undefined;
    const next = { ...answer.selection, version: stored.version + 1, updatedBy: actor, updatedAt: getPlatform().clock.now().toISOString() };
    const person = applicationIn(context, applicationId);
    const offered = answer.offeredTo ? applicationIn(context, answer.offeredTo) : undefined;
    const summary = `${person.answers.fullName} ${accepted ? 'accepted' : 'declined'} the place offered.${offered ? ` The place was offered to ${offered.answers.fullName}.` : ''}`;
    return {
      next,
      audit: auditEntry(areaId, actor, accepted ? 'Reserve accepted a place' : 'Reserve declined a place', summary, snapshot(stored), snapshot(next)),
      emails: () => {
        const emails: EmailToSend[] = [];
        if (accepted) {
          const { url, link } = withdrawLink(context.area, person, baseUrl);
          emails.push({ email: { ...selectionEmails.selected(context.area, person, url, false), messageId: `offer-accepted-${areaId}-${applicationId}` }, link });
        }
        if (offered) emails.push(offerEmail(context.area, offered, baseUrl));
        return emails;
      },
    };
  });
  if (answered && accepted) await invitationsFollowSelection(areaId, { joined: applicationId });
  return answered;
}

/** Staff name a new lead from those selected, when a lead has withdrawn. */
export async function nameLead(areaId: string, sector: Sector, applicationId: string, actor: Actor): Promise<boolean> {
  return changeApproved(areaId, (stored, context) => {
    if (!stored.selected[sector].includes(applicationId)) {
      throw new ValidationError([{ field: `lead-${sector}`, message: 'Choose the new lead from those selected' }]);
    }
    const next: AreaSelection = { ...stored, leads: { ...stored.leads, [sector]: applicationId }, version: stored.version + 1, updatedBy: actor, updatedAt: getPlatform().clock.now().toISOString() };
    const person = applicationIn(context, applicationId);
    return {
      next,
      audit: auditEntry(areaId, actor, 'Lead named', `${person.answers.fullName} is now a lead participant.`, snapshot(stored), snapshot(next)),
      emails: () => [],
    };
  });
}
