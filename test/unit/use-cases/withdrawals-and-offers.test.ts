import { beforeEach, describe, expect, it } from 'vitest';
import { NotSelectedError, OfferClosedError, approvedSelection, throughTheirLink, type AreaSelection } from '@pip/domain';
import { answerReserveOffer } from '../../../functions/src/use-cases/selection/answer-reserve-offer';
import { nameLead } from '../../../functions/src/use-cases/selection/name-lead';
import { recordWithdrawal } from '../../../functions/src/use-cases/selection/record-withdrawal';
import { selectionContext } from '../../../functions/src/use-cases/selection/selection-context';
import type { MemoryPorts } from '../../support/memory-ports';
import { APPLICANTS, LEEDS, reviewedLeeds } from './fixtures';

const sam = { staffId: 'sam', name: 'Sam Rivers' };
const areaId = LEEDS.areaId;

let ports: MemoryPorts;
let approved: AreaSelection;
const byName = (fullName: string) => APPLICANTS.find((application) => application.answers.fullName === fullName)!;
const emailsTo = (fullName: string) => ports.outbox.to(byName(fullName).answers.email).map((email) => email.subject);
const stored = () => ports.selections.byArea.get(areaId)!;

/** Leeds's selection approved as proposed: persons 1 to 6 of each sector, person 7 the reserve, person 1 the leads. */
beforeEach(async () => {
  ports = reviewedLeeds();
  const { proposal, candidates } = await selectionContext(ports, areaId);
  const leads = { 'local-authority': proposal.selected['local-authority'][0], 'voluntary-community': proposal.selected['voluntary-community'][0] };
  approved = approvedSelection(areaId, { selected: proposal.selected, leads }, candidates, sam, 0, '2027-02-09T09:00:00.000Z');
  ports.selections.byArea.write(areaId, approved);
});

describe('a participant withdrawing', () => {
  it('confirms to them, offers the place to the next reserve of their sector, and logs it in words', async () => {
    const leaving = byName('VC Person 3');
    await recordWithdrawal(ports, areaId, leaving.applicationId, throughTheirLink('VC Person 3'));

    expect(stored().selected['voluntary-community']).not.toContain(leaving.applicationId);
    expect(stored().offered?.['voluntary-community']).toBe(byName('VC Person 7').applicationId);
    expect(emailsTo('VC Person 3')).toEqual([expect.stringMatching(/^You have withdrawn/u)]);
    expect(emailsTo('VC Person 7')).toEqual([expect.stringMatching(/^A place is available/u)]);
    // The offer's link expires when the answer is due, two weeks on.
    expect([...ports.emailedLinks.links.values()]).toEqual([expect.objectContaining({ purpose: 'reserve-offer', expiresAt: '2027-02-24T10:00:00.000Z' })]);
    expect(ports.audit.entries.map((entry) => [entry.action, entry.summary, entry.actor.name])).toEqual([
      ['Participant withdrew', 'VC Person 3 withdrew. The place was offered to VC Person 7, the next reserve.', 'VC Person 3 (through their emailed link)'],
    ]);
  });

  it('finds a second withdrawal of the same person done already, writing and sending nothing more', async () => {
    const leaving = byName('LA Person 2');
    await expect(recordWithdrawal(ports, areaId, leaving.applicationId, sam)).resolves.toBe('withdrawn');
    const before = ports.snapshot();

    await expect(recordWithdrawal(ports, areaId, leaving.applicationId, sam)).resolves.toBe('already-withdrawn');
    expect(ports.snapshot()).toEqual(before);
  });

  it('refuses someone who never had a place, writing and sending nothing', async () => {
    const before = ports.snapshot();
    await expect(recordWithdrawal(ports, areaId, byName('LA Person 7').applicationId, sam)).rejects.toBeInstanceOf(NotSelectedError);
    expect(ports.snapshot()).toEqual(before);
  });

  it('still lands when another change to the selection lands first, applied on top of it', async () => {
    const leading = byName('LA Person 1');
    await recordWithdrawal(ports, areaId, leading.applicationId, sam);
    // While LA Person 4 withdraws, staff name LA Person 2 the new lead.
    ports.selections.beforeNextWrite = () => {
      const current = stored();
      ports.selections.byArea.write(areaId, { ...current, leads: { ...current.leads, 'local-authority': byName('LA Person 2').applicationId }, version: current.version + 1 });
    };
    await recordWithdrawal(ports, areaId, byName('LA Person 4').applicationId, throughTheirLink('LA Person 4'));

    expect(stored().version).toBe(approved.version + 3);
    expect(stored().leads['local-authority']).toBe(byName('LA Person 2').applicationId);
    expect(stored().withdrawn).toEqual([leading.applicationId, byName('LA Person 4').applicationId]);
    expect(emailsTo('LA Person 4')).toEqual([expect.stringMatching(/^You have withdrawn/u)]);
  });
});

describe('a reserve answering the offer of a place', () => {
  it('takes the place on accepting, emailed with their own link to withdraw; a second answer finds the offer closed', async () => {
    await recordWithdrawal(ports, areaId, byName('LA Person 5').applicationId, sam);
    const reserve = byName('LA Person 7');
    await answerReserveOffer(ports, areaId, reserve.applicationId, true, throughTheirLink('LA Person 7'));

    expect(stored().selected['local-authority']).toContain(reserve.applicationId);
    expect(ports.outbox.to(reserve.answers.email).map((email) => email.messageId)).toEqual([
      `offer-${areaId}-${reserve.applicationId}`,
      `offer-accepted-${areaId}-${reserve.applicationId}`,
    ]);
    expect(ports.audit.entries.at(-1)).toMatchObject({ action: 'Reserve accepted a place', summary: 'LA Person 7 accepted the place offered.' });

    const emails = ports.outbox.emails.length;
    await expect(answerReserveOffer(ports, areaId, reserve.applicationId, false, throughTheirLink('LA Person 7'))).rejects.toBeInstanceOf(OfferClosedError);
    expect(ports.outbox.emails).toHaveLength(emails);
  });
});

describe('naming a new lead', () => {
  it('accepts only someone selected, and is refused before approval', async () => {
    await expect(nameLead(ports, areaId, { sector: 'local-authority', lead: byName('LA Person 7').applicationId }, sam)).rejects.toMatchObject({
      fieldErrors: [{ field: 'lead-local-authority', message: 'Choose the new lead from those selected' }],
    });
    await nameLead(ports, areaId, { sector: 'local-authority', lead: byName('LA Person 3').applicationId }, sam);
    expect(ports.audit.entries.at(-1)).toMatchObject({ action: 'Lead named', summary: 'LA Person 3 is now a lead participant.' });

    await expect(nameLead(ports, areaId, { sector: 'nobody', lead: '' }, sam)).rejects.toMatchObject({ fieldErrors: [{ field: 'lead', message: 'Choose the new lead' }] });

    ports.selections.byArea.delete(areaId);
    await expect(nameLead(ports, areaId, { sector: 'local-authority', lead: byName('LA Person 3').applicationId }, sam)).rejects.toMatchObject({ field: 'lead' });
  });
});
