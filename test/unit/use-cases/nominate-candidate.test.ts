import { describe, expect, it } from 'vitest';
import { RecruitmentNotOpenError, ValidationError, type Area } from '@pip/domain';
import { nominateCandidate } from '../../../functions/src/use-cases/nominate-candidate';
import { nominationFromLink } from '../../../functions/src/use-cases/nomination-from-link';
import { MemoryAreas, MemoryDelivery, MemoryOutbox, clockAt, countingTokens } from './memory-ports';

const kirklees: Area = {
  areaId: 'kirklees',
  name: 'Kirklees',
  regionId: 'yorkshire-and-the-humber',
  recruitment: { opensAt: '2027-01-04T09:00:00Z', closesAt: '2027-02-01T17:00:00Z' },
};

const nomination = {
  body: 'nacvs',
  nominatorName: 'Nadia Nominator',
  nominatorEmail: 'nadia@nacvs.example',
  candidateName: 'Cara Candidate',
  candidateEmail: 'cara@cvs.example',
  candidateOrganisation: 'Kirklees CVS',
  reason: 'Leads the local compact.',
};

function portsAt(now: string) {
  const outbox = new MemoryOutbox();
  const logged: string[] = [];
  const ports = {
    areas: new MemoryAreas([kirklees]),
    clock: clockAt(now),
    linkTokens: countingTokens(),
    outbox,
    emailedLinks: outbox,
    delivery: new MemoryDelivery(),
    log: (_level: string, message: string) => {
      logged.push(message);
    },
  };
  return { ports, outbox, logged };
}

describe('nominating a candidate', () => {
  it('emails the candidate a link that fills in their application until applications close, and confirms to the nominator', async () => {
    const { ports, outbox, logged } = portsAt('2027-01-10T12:00:00Z');
    await nominateCandidate(ports, 'kirklees', nomination, 'https://pip.example');

    expect(outbox.emails.map((email) => email.to)).toEqual(['cara@cvs.example', 'nadia@nacvs.example']);
    expect(ports.delivery.sent).toHaveLength(2);
    expect(logged).toEqual(['candidate nominated']);
    const [token] = [...outbox.links.keys()];
    expect(outbox.emails[0]!.text).toContain(`https://pip.example/apply/kirklees?nomination=${token}`);

    const opened = await nominationFromLink(ports, 'kirklees', token);
    expect(opened?.prefill).toMatchObject({ fullName: 'Cara Candidate', email: 'cara@cvs.example', sector: 'voluntary-community' });
    expect(opened?.nomination).toMatchObject({ body: 'nacvs', nominatorName: 'Nadia Nominator', nominatedAt: '2027-01-10T12:00:00.000Z' });
    // Not for another area, and not once applications have closed.
    expect(await nominationFromLink(ports, 'leeds', token)).toBeUndefined();
    ports.clock.set('2027-02-01T17:00:00Z');
    expect(await nominationFromLink(ports, 'kirklees', token)).toBeUndefined();
  });

  it('refuses while applications are not open, and answers that need correcting, queuing nothing', async () => {
    const closed = portsAt('2027-02-01T17:00:00Z');
    await expect(nominateCandidate(closed.ports, 'kirklees', nomination, 'https://pip.example')).rejects.toBeInstanceOf(RecruitmentNotOpenError);
    const open = portsAt('2027-01-10T12:00:00Z');
    await expect(nominateCandidate(open.ports, 'kirklees', { ...nomination, candidateEmail: 'not an address' }, 'https://pip.example')).rejects.toBeInstanceOf(ValidationError);
    expect([...closed.outbox.emails, ...open.outbox.emails]).toEqual([]);
  });
});
