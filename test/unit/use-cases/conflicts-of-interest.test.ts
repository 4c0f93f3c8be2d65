import { describe, expect, it } from 'vitest';
import { ConflictOfInterestError, ValidationError } from '@pip/domain';
import { recordReview } from '../../../functions/src/use-cases/selection/record-review';
import { selectionContext } from '../../../functions/src/use-cases/selection/selection-context';
import { declareConflict } from '../../../functions/src/use-cases/staff/declare-conflict';
import { ProfileChangedError, saveStaffProfile } from '../../../functions/src/use-cases/staff/save-staff-profile';
import { APPLICANTS, LEEDS, reviewedLeeds } from './fixtures';

const priya = { staffId: 'priya', name: 'Priya Shah' };
const sam = { staffId: 'sam', name: 'Sam Rivers' };
const scores = (score: number) => ({ roleFit: score, partnershipExperience: score, commitment: score });
const first = APPLICANTS[0]!;

describe('a review by a member of staff with a conflict of interest', () => {
  it('is refused with the reason when their organisation is the applicant’s, writing nothing', async () => {
    const ports = reviewedLeeds();
    await saveStaffProfile(ports, priya, { organisation: `The ${first.answers.organisation.toUpperCase()}`, areaIds: [], note: '', version: 0 });
    const before = ports.snapshot();
    const refusal = recordReview(ports, LEEDS.areaId, first.applicationId, scores(4), priya);
    await expect(refusal).rejects.toBeInstanceOf(ConflictOfInterestError);
    await expect(refusal).rejects.toThrow(`You work at the same organisation as the applicant (${first.answers.organisation}).`);
    expect(ports.snapshot()).toEqual(before);
  });

  it('is refused once they are connected to the area, or declared a conflict; another reviewer is not', async () => {
    const ports = reviewedLeeds();
    await saveStaffProfile(ports, priya, { organisation: 'NACVS', areaIds: [LEEDS.areaId], note: '', version: 0 });
    await expect(recordReview(ports, LEEDS.areaId, first.applicationId, scores(4), priya)).rejects.toThrow('You are connected to Leeds.');
    await declareConflict(ports, LEEDS.areaId, first.applicationId, 'My neighbour', sam);
    await expect(recordReview(ports, LEEDS.areaId, first.applicationId, scores(4), sam)).rejects.toThrow('You declared a conflict: My neighbour.');
    await recordReview(ports, LEEDS.areaId, APPLICANTS[1]!.applicationId, scores(2), sam);
    expect((await ports.reviews.listForArea(LEEDS.areaId)).find((r) => r.applicationId === APPLICANTS[1]!.applicationId)?.roleFit).toBe(2);
  });

  it('no longer counts towards the selection’s mean once its reviewer has a conflict', async () => {
    const ports = reviewedLeeds();
    const before = await selectionContext(ports, LEEDS.areaId);
    expect(before.candidates.find((c) => c.applicationId === first.applicationId)?.meanScore).toBe(5);
    await saveStaffProfile(ports, sam, { organisation: '', areaIds: [LEEDS.areaId], note: '', version: 0 });
    const after = await selectionContext(ports, LEEDS.areaId);
    expect(after.candidates.every((c) => c.meanScore === undefined)).toBe(true);
    expect(after.independence.conflicted).toHaveLength(APPLICANTS.length);
    expect(after.proposal.selected).toEqual({ 'local-authority': [], 'voluntary-community': [] });
  });
});

describe('declaring a conflict', () => {
  it('records it once with its timeline entry, however often it is sent, and requires a reason', async () => {
    const ports = reviewedLeeds();
    await expect(declareConflict(ports, LEEDS.areaId, first.applicationId, '   ', sam)).rejects.toBeInstanceOf(ValidationError);
    await declareConflict(ports, LEEDS.areaId, first.applicationId, 'Former colleague', sam);
    await declareConflict(ports, LEEDS.areaId, first.applicationId, 'Former colleague', sam);
    expect(await ports.declaredConflicts.listForArea(LEEDS.areaId)).toHaveLength(1);
    expect(ports.audit.entries.map((entry) => [entry.action, entry.kind, entry.subjects])).toEqual([
      ['Conflict of interest declared', 'decision', [first.applicationId]],
    ]);
  });
});

describe('saving a profile', () => {
  it('refuses a save over a version changed elsewhere, but not the same answers again', async () => {
    const ports = reviewedLeeds();
    await saveStaffProfile(ports, sam, { organisation: 'NACVS', areaIds: [], note: '', version: 0 });
    await saveStaffProfile(ports, sam, { organisation: 'NACVS', areaIds: [], note: '', version: 0 }); // A double click.
    await expect(saveStaffProfile(ports, sam, { organisation: 'ACRE', areaIds: [], note: '', version: 0 })).rejects.toBeInstanceOf(ProfileChangedError);
    await saveStaffProfile(ports, sam, { organisation: 'ACRE', areaIds: [LEEDS.areaId, LEEDS.areaId], note: ' Board member ', version: 1 });
    expect(await ports.staffConnections.get('sam')).toMatchObject({ organisation: 'ACRE', areaIds: ['leeds'], note: 'Board member', version: 2 });
  });

  it('refuses an area the platform does not have, by field', async () => {
    const ports = reviewedLeeds();
    const refusal = saveStaffProfile(ports, sam, { organisation: '', areaIds: ['atlantis'], note: '', version: 0 });
    await expect(refusal).rejects.toMatchObject({ fieldErrors: [{ field: 'areaIds' }] });
  });
});
