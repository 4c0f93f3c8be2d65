import { beforeEach, describe, expect, it } from 'vitest';
import { NotSelectedError, OfferClosedError, approvedSelection, throughTheirLink, type AreaSelection } from '@pip/domain';
import { answerReserveOffer } from '../../../functions/src/use-cases/answer-reserve-offer';
import { nameLead } from '../../../functions/src/use-cases/name-lead';
import { recordWithdrawal } from '../../../functions/src/use-cases/record-withdrawal';
import { selectionContext } from '../../../functions/src/use-cases/selection-context';
import { BASE_URL, wakefield, selectionPorts } from './selection-fixture';

const sam = { staffId: 'sam', name: 'Sam Rivers' };
const areaId = wakefield.areaId;

let setup: ReturnType<typeof selectionPorts>;
let approved: AreaSelection;
const byName = (fullName: string) => setup.applications.find((application) => application.answers.fullName === fullName)!;
const emailsTo = (fullName: string) => setup.outbox.to(byName(fullName).answers.email).map((email) => email.subject);

/** Wakefield's selection approved as proposed: persons 1 to 6 of each sector, person 7 the reserve, person 1 the leads. */
beforeEach(async () => {
  setup = selectionPorts();
  const { proposal, candidates } = await selectionContext(setup.ports, areaId);
  const leads = { 'local-authority': proposal.selected['local-authority'][0], 'voluntary-community': proposal.selected['voluntary-community'][0] };
  approved = approvedSelection(areaId, { selected: proposal.selected, leads }, candidates, sam, 0, '2027-02-09T09:00:00Z');
  setup.selections.stored.set(areaId, approved);
});

describe('a participant withdrawing', () => {
  it('confirms to them, offers the place to the next reserve of their sector, and logs it in words', async () => {
    const leaving = byName('VC Person 3');
    await recordWithdrawal(setup.ports, areaId, leaving.applicationId, throughTheirLink('VC Person 3'), BASE_URL);

    const stored = setup.selections.stored.get(areaId)!;
    expect(stored.selected['voluntary-community']).not.toContain(leaving.applicationId);
    expect(stored.offered?.['voluntary-community']).toBe(byName('VC Person 7').applicationId);
    expect(emailsTo('VC Person 3')).toEqual([expect.stringMatching(/^You have withdrawn/u)]);
    expect(emailsTo('VC Person 7')).toEqual([expect.stringMatching(/^A place is available/u)]);
    // The offer's link expires when the answer is due, two weeks on.
    expect([...setup.outbox.links.values()]).toEqual([expect.objectContaining({ purpose: 'reserve-offer', expiresAt: '2027-02-24T10:00:00.000Z' })]);
    expect(setup.audit.entries.map((entry) => [entry.action, entry.summary, entry.actor.name])).toEqual([
      ['Participant withdrew', 'VC Person 3 withdrew. The place was offered to VC Person 7, the next reserve.', 'VC Person 3 (through their emailed link)'],
    ]);
  });

  it('refuses a second withdrawal of the same person, writing and sending nothing more', async () => {
    const leaving = byName('LA Person 2');
    await recordWithdrawal(setup.ports, areaId, leaving.applicationId, sam, BASE_URL);
    const written = { version: setup.selections.stored.get(areaId)!.version, emails: setup.outbox.emails.length, audit: setup.audit.entries.length };

    await expect(recordWithdrawal(setup.ports, areaId, leaving.applicationId, sam, BASE_URL)).rejects.toBeInstanceOf(NotSelectedError);
    expect({ version: setup.selections.stored.get(areaId)!.version, emails: setup.outbox.emails.length, audit: setup.audit.entries.length }).toEqual(written);
  });

  it('still lands when another change to the selection lands first, applied on top of it', async () => {
    const leading = byName('LA Person 1');
    await recordWithdrawal(setup.ports, areaId, leading.applicationId, sam, BASE_URL);
    // While LA Person 4 withdraws, staff name LA Person 2 the new lead.
    setup.selections.beforeNextWrite = () => {
      const current = setup.selections.stored.get(areaId)!;
      setup.selections.stored.set(areaId, { ...current, leads: { ...current.leads, 'local-authority': byName('LA Person 2').applicationId }, version: current.version + 1 });
    };
    await recordWithdrawal(setup.ports, areaId, byName('LA Person 4').applicationId, throughTheirLink('LA Person 4'), BASE_URL);

    const stored = setup.selections.stored.get(areaId)!;
    expect(stored.version).toBe(approved.version + 3);
    expect(stored.leads['local-authority']).toBe(byName('LA Person 2').applicationId);
    expect(stored.withdrawn).toEqual([leading.applicationId, byName('LA Person 4').applicationId]);
    expect(emailsTo('LA Person 4')).toEqual([expect.stringMatching(/^You have withdrawn/u)]);
  });
});

describe('a reserve answering the offer of a place', () => {
  it('takes the place on accepting, emailed with their own link to withdraw; a second answer finds the offer closed', async () => {
    await recordWithdrawal(setup.ports, areaId, byName('LA Person 5').applicationId, sam, BASE_URL);
    const reserve = byName('LA Person 7');
    await answerReserveOffer(setup.ports, areaId, reserve.applicationId, true, throughTheirLink('LA Person 7'), BASE_URL);

    expect(setup.selections.stored.get(areaId)!.selected['local-authority']).toContain(reserve.applicationId);
    expect(setup.outbox.emails.filter((email) => email.to === reserve.answers.email).map((email) => email.messageId)).toEqual([
      `offer-${areaId}-${reserve.applicationId}`,
      `offer-accepted-${areaId}-${reserve.applicationId}`,
    ]);
    expect(setup.audit.entries.at(-1)).toMatchObject({ action: 'Reserve accepted a place', summary: 'LA Person 7 accepted the place offered.' });

    const emails = setup.outbox.emails.length;
    await expect(answerReserveOffer(setup.ports, areaId, reserve.applicationId, false, throughTheirLink('LA Person 7'), BASE_URL)).rejects.toBeInstanceOf(OfferClosedError);
    expect(setup.outbox.emails).toHaveLength(emails);
  });
});

describe('naming a new lead', () => {
  it('accepts only someone selected, and is refused before approval', async () => {
    await expect(nameLead(setup.ports, areaId, 'local-authority', byName('LA Person 7').applicationId, sam)).rejects.toMatchObject({
      fieldErrors: [{ field: 'lead-local-authority', message: 'Choose the new lead from those selected' }],
    });
    await nameLead(setup.ports, areaId, 'local-authority', byName('LA Person 3').applicationId, sam);
    expect(setup.audit.entries.at(-1)).toMatchObject({ action: 'Lead named', summary: 'LA Person 3 is now a lead participant.' });

    setup.selections.stored.delete(areaId);
    await expect(nameLead(setup.ports, areaId, 'local-authority', byName('LA Person 3').applicationId, sam)).rejects.toMatchObject({ field: 'lead' });
  });
});
