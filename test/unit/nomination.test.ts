import { describe, expect, it } from 'vitest';
import {
  DAY,
  ValidationError,
  areasOpenToPartner,
  nominationOf,
  parseNomination,
  parsePartner,
  partnerCoverage,
  partnerIdOf,
  partnerLinkState,
  partnerRules,
  partnerWithNewLink,
  partnerWithdrawn,
  prefilledAnswers,
  type Area,
  type Partner,
} from '@pip/domain';
import { nominationEmails } from '@pip/mail';

const window = { opensAt: '2027-01-04T09:00:00Z', closesAt: '2027-02-01T17:00:00Z' };
const kirklees: Area = { areaId: 'kirklees', name: 'Kirklees', regionId: 'yorkshire-and-the-humber', recruitment: window };
const leeds: Area = { areaId: 'leeds', name: 'Leeds', regionId: 'yorkshire-and-the-humber', recruitment: window };
const durham: Area = { areaId: 'durham', name: 'Durham', regionId: 'north-east', recruitment: window };
const kent: Area = { areaId: 'kent', name: 'Kent', regionId: 'south-east', recruitment: { opensAt: '2027-03-01T09:00:00Z', closesAt: '2027-04-01T16:00:00Z' } };
const areas = [kirklees, leeds, durham, kent];
const areaIds = areas.map((area) => area.areaId);

const sam = { staffId: 'sam', name: 'Sam Rivers' };
const priya = { staffId: 'priya', name: 'Priya Shah' };
const JAN_10 = new Date('2027-01-10T12:00:00Z');

const issued = (input: Record<string, unknown>, existing?: Partner, at = JAN_10) => partnerWithNewLink(existing, parsePartner(input, areaIds), sam, at);
const nacvs = issued({ kind: 'nacvs', contactName: 'Nadia Nominator', contactEmail: 'nadia@nacvs.example' });
const kirkleesChangeUp = issued({ kind: 'changeup-consortium', organisation: 'Kirklees ChangeUp', areaIds: ['kirklees'], contactName: 'Kay', contactEmail: 'kay@cvs.example' });

function fieldsOf(attempt: () => unknown): string[] {
  try {
    attempt();
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors.map((problem) => problem.field);
    throw error;
  }
  return [];
}

describe('a partner', () => {
  it('is a national body by its own name, whatever consortium details came with it', () => {
    const answers = parsePartner({ kind: 'acre', organisation: 'Ignored', areaIds: ['leeds'], contactName: 'Ann', contactEmail: 'ann@acre.example' }, areaIds);
    expect(answers).toEqual({ kind: 'acre', contactName: 'Ann', contactEmail: 'ann@acre.example' });
    expect(partnerIdOf(answers)).toBe('acre');
    expect(partnerWithNewLink(undefined, answers, sam, JAN_10).organisation).toBe('ACRE');
  });

  it('as a local ChangeUp consortium needs its name and its areas or its region, not both, and areas that exist', () => {
    expect(fieldsOf(() => parsePartner({ kind: 'changeup-consortium', contactEmail: 'x' }, areaIds))).toEqual(['organisation', 'areaIds', 'contactName', 'contactEmail']);
    const consortium = { kind: 'changeup-consortium', organisation: 'Leeds ChangeUp', contactName: 'Lee', contactEmail: 'lee@cvs.example' };
    expect(fieldsOf(() => parsePartner({ ...consortium, areaIds: ['leeds'], regionId: 'north-east' }, areaIds))).toEqual(['regionId']);
    expect(fieldsOf(() => parsePartner({ ...consortium, areaIds: ['atlantis'] }, areaIds))).toEqual(['areaIds']);
    expect(fieldsOf(() => parsePartner({ ...consortium, organisation: '!!!', regionId: 'north-east' }, areaIds))).toEqual(['organisation']);
    expect(fieldsOf(() => parsePartner({ ...consortium, kind: 'a-think-tank', regionId: 'north-east' }, areaIds))).toEqual(['kind']);
    expect(partnerIdOf(parsePartner({ ...consortium, regionId: 'north-east' }, areaIds))).toBe('changeup-leeds-changeup');
  });

  it('nominates for any open area as a national body, and only for its own areas or region as a consortium', () => {
    const names = (partner: Partner) => areasOpenToPartner(partner, areas, JAN_10).map((area) => area.areaId);
    expect(names(nacvs)).toEqual(['durham', 'kirklees', 'leeds']);
    expect(names(kirkleesChangeUp)).toEqual(['kirklees']);
    const northEast = issued({ kind: 'changeup-consortium', organisation: 'NE ChangeUp', regionId: 'north-east', contactName: 'Ned', contactEmail: 'ned@cvs.example' });
    expect(names(northEast)).toEqual(['durham']);
    expect(partnerCoverage(northEast, areas)).toBe('areas in North East');
    expect(partnerCoverage(issued({ ...kirkleesChangeUp, organisation: 'K', areaIds: ['kirklees', 'leeds'] }), areas)).toBe('Kirklees and Leeds');
    expect(partnerCoverage(nacvs, areas)).toBe('any area taking applications');
    // After the windows close, nobody nominates until the next area opens.
    expect(areasOpenToPartner(nacvs, areas, new Date('2027-02-01T17:00:00Z')).map((area) => area.areaId)).toEqual([]);
  });

  it('has a link that works for the length of the programme, until withdrawn or replaced', () => {
    const [first] = nacvs.links;
    expect(Date.parse(first!.expiresAt) - JAN_10.getTime()).toBe(partnerRules.linkLastsDays * DAY);
    expect(partnerLinkState(nacvs, first!.number, JAN_10)).toBe('live');
    expect(partnerLinkState(nacvs, first!.number, new Date(first!.expiresAt))).toBe('expired');

    const renewed = partnerWithNewLink(nacvs, parsePartner({ kind: 'nacvs', contactName: 'Nadia', contactEmail: 'nadia@nacvs.example' }, areaIds), priya, new Date('2027-01-11T09:00:00Z'));
    expect(renewed.version).toBe(2);
    expect(partnerLinkState(renewed, first!.number, JAN_10)).toBe('withdrawn');
    expect(renewed.links[0]!.withdrawn).toEqual({ at: '2027-01-11T09:00:00.000Z', by: priya, because: 'replaced' });
    expect(partnerLinkState(renewed, renewed.links[1]!.number, JAN_10)).toBe('live');

    const revoked = partnerWithdrawn(renewed, sam, new Date('2027-01-12T09:00:00Z'))!;
    expect(partnerLinkState(revoked, renewed.links[1]!.number, JAN_10)).toBe('withdrawn');
    expect(revoked.links[1]!.withdrawn).toMatchObject({ by: sam, because: 'revoked' });
    // Withdrawn already: nothing more to withdraw, and what happened stays as it happened.
    expect(partnerWithdrawn(revoked, priya, new Date('2027-01-13T09:00:00Z'))).toBeUndefined();
    expect(partnerLinkState(revoked, 3, JAN_10)).toBe('unknown');
  });
});

describe('a nomination', () => {
  const nominated = {
    areaId: 'kirklees',
    candidateName: 'Cara Candidate',
    candidateEmail: 'cara@cvs.example',
    candidateOrganisation: 'Kirklees CVS',
    reason: 'Leads the local compact.',
  };

  it('is for an area the partner covers that is open, and otherwise says which answers to correct', () => {
    expect(parseNomination(kirkleesChangeUp, areas, nominated, JAN_10).area).toEqual(kirklees);
    expect(fieldsOf(() => parseNomination(kirkleesChangeUp, areas, { ...nominated, areaId: 'leeds' }, JAN_10))).toEqual(['areaId']);
    expect(fieldsOf(() => parseNomination(nacvs, areas, { ...nominated, areaId: 'kent' }, JAN_10))).toEqual(['areaId']);
    expect(fieldsOf(() => parseNomination(nacvs, areas, { areaId: 'kent', candidateEmail: 'no' }, JAN_10))).toEqual([
      'areaId',
      'candidateName',
      'candidateEmail',
      'candidateOrganisation',
      'reason',
    ]);
    expect(fieldsOf(() => parseNomination(nacvs, areas, null, JAN_10))).toEqual(['']);
  });

  it('records the partner and its contact as the nominator, not anything typed into the form', () => {
    const { answers } = parseNomination(kirkleesChangeUp, areas, { ...nominated, nominatorName: 'Mallory', nominatorEmail: 'm@evil.example', body: 'acre' }, JAN_10);
    expect(answers).not.toHaveProperty('nominatorEmail');
    expect(nominationOf(kirkleesChangeUp, answers, '2027-01-10T12:00:00Z')).toEqual({
      body: 'changeup-consortium',
      bodyName: 'Kirklees ChangeUp',
      nominatorName: 'Kay',
      nominatorEmail: 'kay@cvs.example',
      reason: 'Leads the local compact.',
      nominatedAt: '2027-01-10T12:00:00Z',
    });
  });

  it('prefills the candidate as a voluntary and community sector applicant', () => {
    expect(prefilledAnswers(parseNomination(nacvs, areas, nominated, JAN_10).answers)).toEqual({
      fullName: 'Cara Candidate',
      email: 'cara@cvs.example',
      organisation: 'Kirklees CVS',
      sector: 'voluntary-community',
    });
  });

  it('emails the candidate and the partner contact with no words from the form but the candidate’s name', () => {
    const { answers } = parseNomination(nacvs, areas, { ...nominated, candidateJobTitle: 'Chief Officer' }, JAN_10);
    const invitation = nominationEmails.invitation(kirklees, nacvs, answers, 'https://pip.example/apply/kirklees?nomination=t');
    const confirmation = nominationEmails.confirmation(kirklees, nacvs, answers, 'https://pip.example/nominate/t');
    expect([invitation.to, confirmation.to]).toEqual(['cara@cvs.example', 'nadia@nacvs.example']);
    expect(invitation.text).toContain('Nadia Nominator of NACVS has nominated you');
    for (const email of [invitation, confirmation]) {
      for (const typed of ['Leads the local compact', 'Kirklees CVS', 'Chief Officer']) {
        expect(email.text).not.toContain(typed);
        expect(email.html).not.toContain(typed);
      }
    }
  });
});
