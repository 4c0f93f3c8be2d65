import { describe, expect, it } from 'vitest';
import { RecruitmentNotOpenError, ValidationError } from '@pip/domain';
import { nominateCandidate } from '../../../functions/src/use-cases/recruitment/nominate-candidate';
import { nominationFromLink } from '../../../functions/src/use-cases/recruitment/nomination-from-link';
import { memoryPorts } from '../../support/memory-ports';
import { area } from './fixtures';

const nomination = {
  body: 'nacvs',
  nominatorName: 'Nadia Nominator',
  nominatorEmail: 'nadia@nacvs.example',
  candidateName: 'Cara Candidate',
  candidateEmail: 'cara@cvs.example',
  candidateOrganisation: 'Kirklees CVS',
  reason: 'Leads the local compact.',
};

const portsAt = (now: string) => memoryPorts({ now, areas: [area('kirklees', 'Kirklees')] });

describe('nominating a candidate', () => {
  it('emails the candidate a link that fills in their application until applications close, and confirms to the nominator', async () => {
    const ports = portsAt('2027-01-10T12:00:00.000Z');
    await nominateCandidate(ports, 'kirklees', nomination);

    expect(ports.outbox.emails.map((email) => email.to)).toEqual(['cara@cvs.example', 'nadia@nacvs.example']);
    expect(ports.delivery.sent).toHaveLength(2);
    expect(ports.logs.messages()).toEqual(['candidate nominated']);
    const [token] = [...ports.emailedLinks.links.keys()];
    expect(ports.outbox.emails[0]!.text).toContain(`https://pip.example/apply/kirklees?nomination=${token}`);
    expect(ports.outbox.emails[1]!.text).toContain('https://pip.example/nominate/kirklees');

    const opened = await nominationFromLink(ports, 'kirklees', token);
    expect(opened?.prefill).toMatchObject({ fullName: 'Cara Candidate', email: 'cara@cvs.example', sector: 'voluntary-community' });
    expect(opened?.nomination).toMatchObject({ body: 'nacvs', nominatorName: 'Nadia Nominator', nominatedAt: '2027-01-10T12:00:00.000Z' });
    // Not for another area, and not once applications have closed.
    expect(await nominationFromLink(ports, 'leeds', token)).toBeUndefined();
    ports.clock.set('2027-02-01T17:00:00.000Z');
    expect(await nominationFromLink(ports, 'kirklees', token)).toBeUndefined();
  });

  it('refuses while applications are not open, and answers that need correcting, queuing nothing', async () => {
    const closed = portsAt('2027-02-01T17:00:00.000Z');
    await expect(nominateCandidate(closed, 'kirklees', nomination)).rejects.toBeInstanceOf(RecruitmentNotOpenError);
    const open = portsAt('2027-01-10T12:00:00.000Z');
    await expect(nominateCandidate(open, 'kirklees', { ...nomination, candidateEmail: 'not an address' })).rejects.toBeInstanceOf(ValidationError);
    expect([...closed.outbox.emails, ...open.outbox.emails]).toEqual([]);
  });
});
