import { beforeEach, describe, expect, it } from 'vitest';
import { approvedSelection, throughTheirLink, type Announcement, type AreaSelection, type Ports } from '@pip/domain';
import { actOnAnnouncement } from '@pip/functions/use-cases/shared/announcements';
import { answerReserveOffer } from '@pip/functions/use-cases/selection/answer-reserve-offer';
import { nameLead } from '@pip/functions/use-cases/selection/name-lead';
import { recordWithdrawal } from '@pip/functions/use-cases/selection/record-withdrawal';
import { selectionContext } from '@pip/functions/use-cases/selection/selection-context';
import { undoStaffWithdrawal } from '@pip/functions/use-cases/selection/undo-withdrawal';
import type { MemoryPorts } from '../../support/memory-ports';
import { memoryPorts } from '../../support/memory-ports';
import { recording } from '../../support/recording-ports';
import { AFTER_CLOSE, APPLICANTS, LEEDS, REVIEWS, applicant } from './fixtures';

/*
 * Naming a lead and answering the offer of a place are decisions that email people: each is one
 * write of the decision with its announcement, after one wave of reads; the emails and calendars
 * follow from the table's stream (here, the memory announcements act at once), each email once.
 */
const sam = { staffId: 'sam', name: 'Sam Rivers' };
const areaId = LEEDS.areaId;
const byName = (fullName: string) => APPLICANTS.find((application) => application.answers.fullName === fullName)!;

let ports: MemoryPorts;
let approved: AreaSelection;
const stored = () => ports.selections.byArea.get(areaId)!;
const made = (): Announcement[] => (ports.announcements as unknown as { made: Announcement[] }).made;

/** Leeds as the other tests have it, with an eighth council applicant scored lowest: a second reserve to pass an offer to. */
const SECOND_RESERVE = applicant(LEEDS.areaId, 'local-authority', 8);

beforeEach(async () => {
  ports = memoryPorts({
    now: AFTER_CLOSE,
    areas: [LEEDS],
    applications: [...APPLICANTS, SECOND_RESERVE],
    reviews: [...REVIEWS, { ...REVIEWS[6]!, applicationId: SECOND_RESERVE.applicationId, roleFit: 1, partnershipExperience: 1, commitment: 1 }],
  });
  const { proposal, candidates } = await selectionContext(ports, areaId);
  const leads = { 'local-authority': proposal.selected['local-authority'][0], 'voluntary-community': proposal.selected['voluntary-community'][0] };
  approved = approvedSelection(areaId, { selected: proposal.selected, leads }, candidates, sam, 0, '2027-02-09T09:00:00.000Z');
  ports.selections.byArea.write(areaId, approved);
});

/** Acting on the same announcement again (a retried stream batch) queues and links nothing more. */
async function actedOnTwiceChangesNothing(announcement: Announcement): Promise<void> {
  const emails = ports.outbox.emails.length;
  const links = ports.emailedLinks.links.size;
  await actOnAnnouncement(ports as unknown as Ports, announcement);
  expect(ports.outbox.emails.length).toBe(emails);
  expect(ports.emailedLinks.links.size).toBe(links);
}

describe('a reserve answering the offer of a place', () => {
  beforeEach(async () => {
    await recordWithdrawal(ports, areaId, byName('LA Person 5').applicationId, sam);
  });

  it('accepting is one write of the decision with its announcement after one wave of reads; the confirmation with its link then follows, once', async () => {
    const reserve = byName('LA Person 7');
    const request = recording(ports);
    await answerReserveOffer(request.ports, areaId, reserve.applicationId, true, throughTheirLink('LA Person 7'));

    expect(request.recorded.writes).toEqual(['announcements.selectionDecided']);
    expect(request.recorded.readWaves).toBe(1);
    expect(request.recorded.calls).not.toContain('applications.listForArea');
    expect(made().at(-1)).toEqual({ kind: 'offer-answered', areaId, version: approved.version + 2, applicationId: reserve.applicationId, accepted: true, offerOccasion: 0 });

    expect(stored().selected['local-authority']).toContain(reserve.applicationId);
    expect(ports.outbox.to(reserve.answers.email).map((email) => email.messageId)).toEqual([`offer-${areaId}-${reserve.applicationId}`, `offer-accepted-${areaId}-${reserve.applicationId}`]);
    expect([...ports.emailedLinks.links.values()].filter((link) => link.applicationId === reserve.applicationId).map((link) => link.purpose)).toEqual(['reserve-offer', 'withdraw']);
    await actedOnTwiceChangesNothing(made().at(-1)!);
  });

  it('declining passes the offer to the next reserve, emailed from the announcement, once', async () => {
    const reserve = byName('LA Person 7');
    const request = recording(ports);
    await answerReserveOffer(request.ports, areaId, reserve.applicationId, false, throughTheirLink('LA Person 7'));

    expect(request.recorded.writes).toEqual(['announcements.selectionDecided']);
    expect(request.recorded.calls).not.toContain('applications.listForArea');
    const next = stored().offered?.['local-authority'];
    expect(next).toBe(SECOND_RESERVE.applicationId);
    expect(made().at(-1)).toMatchObject({ kind: 'offer-answered', accepted: false, offeredTo: next });
    expect(ports.outbox.emails.filter((email) => email.messageId === `offer-${areaId}-${next}`)).toHaveLength(1);
    expect(ports.audit.entries.at(-1)?.summary).toContain('declined');
    await actedOnTwiceChangesNothing(made().at(-1)!);
  });
});

describe('naming a new lead', () => {
  it('is one write of the decision with its announcement after one wave of reads; the calendars follow from the announcement', async () => {
    const named = byName('LA Person 3');
    const request = recording(ports);
    await nameLead(request.ports, areaId, { sector: 'local-authority', lead: named.applicationId }, sam);

    expect(request.recorded.writes).toEqual(['announcements.selectionDecided']);
    expect(request.recorded.readWaves).toBe(1);
    expect(request.recorded.calls).not.toContain('applications.listForArea');
    expect(made().at(-1)).toEqual({ kind: 'lead-named', areaId, version: approved.version + 1, applicationId: named.applicationId });
    expect(stored().leads['local-authority']).toBe(named.applicationId);
    expect(ports.audit.entries.at(-1)).toMatchObject({ action: 'Lead named', summary: 'LA Person 3 is now a lead participant.' });
    await actedOnTwiceChangesNothing(made().at(-1)!);
  });
});

describe('staff recording a withdrawal and undoing it', () => {
  it('are each one write of the decision with its announcement, never reading the area’s reviews', async () => {
    const leaving = byName('VC Person 4');
    const withdrawal = recording(ports);
    await recordWithdrawal(withdrawal.ports, areaId, leaving.applicationId, sam);
    expect(withdrawal.recorded.writes).toEqual(['announcements.selectionDecided']);
    // The selection says who is offered the place; only then is that reserve's name read, for the timeline.
    expect(withdrawal.recorded.readWaves).toBe(2);

    const undo = recording(ports);
    await undoStaffWithdrawal(undo.ports, areaId, leaving.applicationId, sam);
    expect(undo.recorded.writes).toEqual(['announcements.selectionDecided']);
    expect(undo.recorded.readWaves).toBe(1);
    expect(undo.recorded.calls).not.toContain('reviews.listForArea');
    expect(made().at(-1)).toMatchObject({ kind: 'withdrawal-undone', applicationId: leaving.applicationId });
  });
});
