import { describe, expect, it } from 'vitest';
import { ValidationError, nominationOf, parseNomination, prefilledAnswers, type Area } from '@pip/domain';
import { RouteTableLinks } from '@pip/functions/adapters/platform-links';
import { submitApplication, type SubmitApplicationPorts } from '../../functions/src/use-cases/recruitment/submit-application';
import { goodAnswers } from '../support/application-answers';
import { LINKS_BASE_URL, MemoryApplications, MemoryAreas, MemoryDelivery } from '../support/memory-ports';

const nominated = {
  body: 'nacvs',
  consortiumName: 'Ignored for a national body',
  nominatorName: 'Nadia Nominator',
  nominatorEmail: 'nadia@nacvs.example',
  candidateName: 'Cara Candidate',
  candidateEmail: 'cara@cvs.example',
  candidateOrganisation: 'Kirklees CVS',
  reason: 'Leads the local compact.',
};

describe('a nomination', () => {
  it('needs a consortium name only from a local ChangeUp consortium', () => {
    expect(parseNomination(nominated)).not.toHaveProperty('consortiumName');
    expect(() => parseNomination({ ...nominated, body: 'changeup-consortium', consortiumName: ' ' })).toThrowError(ValidationError);
    expect(nominationOf(parseNomination({ ...nominated, body: 'changeup-consortium', consortiumName: 'Leeds ChangeUp' }), '2027-01-10T12:00:00Z')).toEqual({
      body: 'changeup-consortium',
      bodyName: 'Leeds ChangeUp',
      nominatorName: 'Nadia Nominator',
      nominatorEmail: 'nadia@nacvs.example',
      reason: 'Leads the local compact.',
      nominatedAt: '2027-01-10T12:00:00Z',
    });
  });

  it('accepts only the four national bodies and local ChangeUp consortia', () => {
    try {
      parseNomination({ ...nominated, body: 'a-think-tank' });
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).fieldErrors).toEqual([{ field: 'body', message: 'Select the organisation making the nomination' }]);
    }
  });

  it('prefills the candidate as a voluntary and community sector applicant', () => {
    expect(prefilledAnswers(parseNomination(nominated))).toEqual({
      fullName: 'Cara Candidate',
      email: 'cara@cvs.example',
      organisation: 'Kirklees CVS',
      sector: 'voluntary-community',
    });
  });
});

describe('an application from a nomination', () => {
  const area: Area = { areaId: 'kirklees', name: 'Kirklees', regionId: 'yorkshire-and-the-humber', recruitment: { opensAt: '2027-01-04T09:00:00Z', closesAt: '2027-02-01T17:00:00Z' } };
  const ports: SubmitApplicationPorts = {
    areas: new MemoryAreas([area]),
    applications: new MemoryApplications(),
    links: new RouteTableLinks(LINKS_BASE_URL),
    clock: { now: () => new Date('2027-01-10T12:00:00Z') },
    random: (bytes: number) => new Uint8Array(bytes).fill(7),
    delivery: new MemoryDelivery(),
    log: () => undefined,
  };
  const nomination = nominationOf(parseNomination(nominated), '2027-01-09T09:00:00Z');

  it('keeps the nomination, and a later application without the link does not lose it', async () => {
    const first = await submitApplication(ports, 'kirklees', goodAnswers('cara@cvs.example'), nomination);
    expect(first.application.nomination).toEqual(nomination);
    const again = await submitApplication(ports, 'kirklees', goodAnswers('cara@cvs.example', { jobTitle: 'Chief Executive' }));
    expect(again.outcome).toBe('updated');
    expect(again.application.nomination).toEqual(nomination);
  });
});
