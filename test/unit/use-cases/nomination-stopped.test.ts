import { describe, expect, it } from 'vitest';
import { issuePartnerLink } from '../../../functions/src/use-cases/recruitment/issue-partner-link';
import { nominateCandidate } from '../../../functions/src/use-cases/recruitment/nominate-candidate';
import { memoryPorts } from '../../support/memory-ports';
import { stoppedOrDone, stoppingAfterDecision } from '../../support/stopping-ports';
import { area } from './fixtures';

const NOW = '2027-01-10T12:00:00.000Z';
const nomination = { areaId: 'kirklees', candidateName: 'Cara Candidate', candidateEmail: 'cara@cvs.example', candidateOrganisation: 'Kirklees CVS', reason: 'Leads the local compact.' };

describe('a partner nominating a candidate, by a request that stops once the nomination is stored', () => {
  it('leaves the nomination on the timeline, and the candidate’s invitation and the partner’s confirmation on their way', async () => {
    const ports = memoryPorts({ now: NOW, areas: [area('kirklees', 'Kirklees')] });
    await issuePartnerLink(ports, { kind: 'nacvs', contactName: 'Nadia Nominator', contactEmail: 'nadia@nacvs.example' }, { staffId: 'sam', name: 'Sam Rivers' });
    const partnerToken = /\/nominate\/([\w-]{43}(?:\.[a-z0-9-]+)?)/u.exec(ports.outbox.emails.at(-1)!.text)![1]!;

    await stoppedOrDone(nominateCandidate(stoppingAfterDecision(ports), partnerToken, nomination));

    expect(ports.audit.entries.map((entry) => entry.action)).toEqual(['Nomination made']);
    expect(ports.outbox.emails.map((email) => email.to)).toEqual(['nadia@nacvs.example', 'cara@cvs.example', 'nadia@nacvs.example']);
    expect(ports.emailedLinks.links.size).toBe(1);
  });
});
