import { randomUUID } from 'node:crypto';
import { ValidationError, bestFollowUpOption, type Actor, type FollowUpReview } from '@pip/domain';
import { followUpEmails } from '@pip/mail';
import { newEmailedLink } from './emailed-links';
import { queueAndSend, type EmailToSend } from './send-emails';
import { auditEntry } from './staff-request';
import { getPlatform } from './wiring';
import { selectedParticipants } from './workshop-emails';

const DAY = 24 * 60 * 60 * 1000;
const LINK_DAYS = 180;

const areaOf = (areaId: string) => getPlatform().areas.existing(areaId);

/** A personal link for each participant, answering for the dates and then for attendance. */
async function emailEveryone(areaId: string, email: (to: { key: string; name: string; email: string }, url: string) => EmailToSend['email']): Promise<void> {
  const platform = getPlatform();
  const expiresAt = new Date(platform.clock.now().getTime() + LINK_DAYS * DAY).toISOString();
  const emails: EmailToSend[] = (await selectedParticipants(areaId)).map((participant) => {
    const to = { key: participant.applicationId, name: participant.answers.fullName, email: participant.answers.email };
    const { url, link } = newEmailedLink({ purpose: 'follow-up', areaId, applicationId: participant.applicationId, expiresAt }, (token) => `${platform.publicBaseUrl ?? ''}/follow-up/${token}`);
    return { email: email(to, url), link };
  });
  await queueAndSend(emails);
}

/** After session two took place, staff propose two or three dates and every participant is asked. */
export async function proposeFollowUp(areaId: string, options: { startsAt: Date; endsAt: Date }[], venue: string, actor: Actor): Promise<void> {
  const platform = getPlatform();
  const area = await areaOf(areaId);
  const sessions = await platform.consultancy.sessions(areaId);
  if (!sessions[2]?.heldAt) throw new ValidationError([{ field: 'follow-up-1-date', message: 'Propose the follow-up review once consultancy session two has taken place' }]);
  if (options.length < 2 || options.length > 3) throw new ValidationError([{ field: 'follow-up-1-date', message: 'Propose two or three dates' }]);
  if (!venue.trim()) throw new ValidationError([{ field: 'follow-up-venue', message: 'Enter the venue' }]);
  const review: FollowUpReview = {
    areaId,
    options: options.map((option) => ({ optionId: randomUUID().slice(0, 8), startsAt: option.startsAt.toISOString(), endsAt: option.endsAt.toISOString() })),
    venue: venue.trim(),
    proposedBy: actor.name,
  };
  if (!(await platform.consultancy.proposeFollowUp(review))) return;
  await platform.audit.record(auditEntry(areaId, actor, 'Follow-up review dates proposed', review.options.map((option) => option.startsAt).join(', '), undefined, review));
  await emailEveryone(areaId, (to, url) => followUpEmails.dates(area, to, review.options, url));
}

/** Confirms the date most participants can make and sends everyone the invitation. */
export async function confirmFollowUp(areaId: string, actor: Actor): Promise<boolean> {
  const platform = getPlatform();
  const area = await areaOf(areaId);
  const [review, answers] = await Promise.all([platform.consultancy.followUp(areaId), platform.consultancy.followUpAnswers(areaId)]);
  const best = review && bestFollowUpOption(review, answers);
  if (!review || !best || !(await platform.consultancy.confirmFollowUp(areaId, best.optionId))) return false;
  const option = review.options.find((candidate) => candidate.optionId === best.optionId)!;
  await platform.audit.record(auditEntry(areaId, actor, 'Follow-up review confirmed', `${option.startsAt}, which ${best.count} of ${answers.length} who answered can make.`));
  await emailEveryone(areaId, (to, url) => followUpEmails.invitation(area, to, option, review.venue, url, platform.emailConfig.from));
  return true;
}
