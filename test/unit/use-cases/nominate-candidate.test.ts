import { describe, expect, it } from 'vitest';
import { ValidationError } from '@pip/domain';
import { issuePartnerLink } from '../../../functions/src/use-cases/recruitment/issue-partner-link';
import { nominateCandidate } from '../../../functions/src/use-cases/recruitment/nominate-candidate';
import { nominationFromLink } from '../../../functions/src/use-cases/recruitment/nomination-from-link';
import { openPartnerLink } from '../../../functions/src/use-cases/recruitment/partner-link';
import { partnersOverview } from '../../../functions/src/use-cases/recruitment/partners-overview';
import { revokePartnerLink } from '../../../functions/src/use-cases/recruitment/revoke-partner-link';
import { memoryPorts, type MemoryPorts } from '../../support/memory-ports';
import { area } from './fixtures';

const sam = { staffId: 'sam', name: 'Sam Rivers' };

const nomination = {
  areaId: 'kirklees',
  candidateName: 'Cara Candidate',
  candidateEmail: 'cara@cvs.example',
  candidateOrganisation: 'Kirklees CVS',
  reason: 'Leads the local compact.',
};

const portsAt = (now: string) => memoryPorts({ now, areas: [area('kirklees', 'Kirklees'), area('leeds', 'Leeds')] });

/** Issues the partner its link and gives back the link's token, as its contact's email carries it. */
async function linkOf(ports: MemoryPorts, partner: Record<string, unknown>): Promise<string> {
  await issuePartnerLink(ports, partner, sam);
  const email = ports.outbox.emails.at(-1)!;
  return /\/nominate\/([\w-]{43}(?:\.[a-z0-9-]+)?)/u.exec(email.text)![1]!;
}

const nacvs = { kind: 'nacvs', contactName: 'Nadia Nominator', contactEmail: 'nadia@nacvs.example' };

describe('issuing a partner link', () => {
  it('emails the partner contact its link, works at once, and counts no nominations yet', async () => {
    const ports = portsAt('2027-01-10T12:00:00.000Z');
    const token = await linkOf(ports, nacvs);
    expect(ports.outbox.emails.map((email) => email.to)).toEqual(['nadia@nacvs.example']);
    expect(ports.outbox.goingOnInsert).toEqual([ports.outbox.emails[0]!.messageId]);
    expect(ports.outbox.emails[0]!.text).toContain('It works until 9 January 2029 unless we withdraw it');
    expect((await openPartnerLink(ports, token)).problem).toBeUndefined();
    const { partners } = await partnersOverview(ports);
    expect(partners.map(({ partner, link, nominationsMade }) => [partner.organisation, link.state, nominationsMade])).toEqual([['NACVS', 'live', 0]]);
  });

  it('refuses answers that need correcting, storing and sending nothing', async () => {
    const ports = portsAt('2027-01-10T12:00:00.000Z');
    const before = ports.snapshot();
    await expect(issuePartnerLink(ports, { kind: 'changeup-consortium', contactName: 'Kay', contactEmail: 'kay@cvs.example' }, sam)).rejects.toBeInstanceOf(ValidationError);
    expect(ports.snapshot()).toEqual(before);
  });
});

describe('nominating a candidate', () => {
  it('is refused without a partner link, storing and sending nothing', async () => {
    const ports = portsAt('2027-01-10T12:00:00.000Z');
    const before = ports.snapshot();
    for (const token of ['kirklees', 'x'.repeat(43), '']) {
      expect(await nominateCandidate(ports, token, { ...nomination, nominatorEmail: 'anyone@example.org' })).toEqual({ problem: 'unknown' });
    }
    expect(ports.snapshot()).toEqual(before);
  });

  it('emails the candidate a link that fills in their application until applications close, and confirms to the partner contact', async () => {
    const ports = portsAt('2027-01-10T12:00:00.000Z');
    const partnerToken = await linkOf(ports, nacvs);
    const outcome = await nominateCandidate(ports, partnerToken, { ...nomination, nominatorEmail: 'someone@else.example' });
    expect(outcome.problem).toBeUndefined();

    expect(ports.outbox.emails.map((email) => email.to)).toEqual(['nadia@nacvs.example', 'cara@cvs.example', 'nadia@nacvs.example']);
    // The partner's link and the nomination's two emails each go from the table's stream once stored.
    expect(ports.outbox.goingOnInsert).toEqual(ports.outbox.emails.map((email) => email.messageId));
    expect(ports.audit.entries.map((entry) => entry.action)).toEqual(['Nomination made']);
    expect(ports.logs.messages()).toEqual(['partner nomination link issued', 'candidate nominated']);
    const [token] = [...ports.emailedLinks.links.keys()];
    expect(ports.outbox.emails[1]!.text).toContain(`https://pip.example/apply/kirklees?nomination=${token}`);
    expect(ports.outbox.emails[2]!.text).toContain(`https://pip.example/nominate/${partnerToken}`);

    const opened = await nominationFromLink(ports, 'kirklees', token);
    expect(opened?.prefill).toMatchObject({ fullName: 'Cara Candidate', email: 'cara@cvs.example', sector: 'voluntary-community' });
    expect(opened?.nomination).toMatchObject({ body: 'nacvs', nominatorName: 'Nadia Nominator', nominatorEmail: 'nadia@nacvs.example', nominatedAt: '2027-01-10T12:00:00.000Z' });
    expect(await nominationFromLink(ports, 'leeds', token)).toBeUndefined();
    ports.clock.set('2027-02-01T17:00:00.000Z');
    expect(await nominationFromLink(ports, 'kirklees', token)).toBeUndefined();
  });

  it('counts a repeated nomination once and emails nobody twice', async () => {
    const ports = portsAt('2027-01-10T12:00:00.000Z');
    const partnerToken = await linkOf(ports, nacvs);
    await nominateCandidate(ports, partnerToken, nomination);
    await nominateCandidate(ports, partnerToken, nomination);
    expect(ports.outbox.emails).toHaveLength(3);
    expect((await partnersOverview(ports)).partners[0]!.nominationsMade).toBe(1);
  });

  it('is for an open area the partner covers: a consortium elsewhere, or after applications close, is refused', async () => {
    const ports = portsAt('2027-01-10T12:00:00.000Z');
    const consortium = await linkOf(ports, { kind: 'changeup-consortium', organisation: 'Leeds ChangeUp', areaIds: ['leeds'], contactName: 'Lee', contactEmail: 'lee@cvs.example' });
    await expect(nominateCandidate(ports, consortium, nomination)).rejects.toBeInstanceOf(ValidationError);
    ports.clock.set('2027-02-01T17:00:00.000Z');
    await expect(nominateCandidate(ports, consortium, { ...nomination, areaId: 'leeds' })).rejects.toBeInstanceOf(ValidationError);
    expect(ports.outbox.emails.map((email) => email.to)).toEqual(['lee@cvs.example']);
  });

  it('is refused through a withdrawn link, or one replaced by a new link, and the partner’s nominations stand', async () => {
    const ports = portsAt('2027-01-10T12:00:00.000Z');
    const first = await linkOf(ports, nacvs);
    await nominateCandidate(ports, first, nomination);
    const second = await linkOf(ports, nacvs);
    expect(await nominateCandidate(ports, first, { ...nomination, candidateEmail: 'dan@cvs.example' })).toEqual({ problem: 'withdrawn' });

    expect(await revokePartnerLink(ports, 'nacvs', sam)).toBe('withdrawn');
    expect(await revokePartnerLink(ports, 'nacvs', sam)).toBe('already');
    const before = ports.snapshot();
    expect(await nominateCandidate(ports, second, { ...nomination, candidateEmail: 'dan@cvs.example' })).toEqual({ problem: 'withdrawn' });
    expect(ports.snapshot()).toEqual(before);
    const [summary] = (await partnersOverview(ports)).partners;
    expect(summary!.link).toEqual({ state: 'withdrawn', text: 'Issued 10 January 2027 by Sam Rivers; withdrawn 10 January 2027 by Sam Rivers' });
    expect(summary!.nominationsMade).toBe(1);
  });

  it('is refused once the partner’s link has run out', async () => {
    const ports = portsAt('2027-01-10T12:00:00.000Z');
    const token = await linkOf(ports, nacvs);
    ports.clock.set('2029-01-10T12:00:00.000Z');
    expect(await openPartnerLink(ports, token)).toEqual({ problem: 'expired' });
  });
});
