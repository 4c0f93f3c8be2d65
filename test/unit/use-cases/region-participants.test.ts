import { describe, expect, it } from 'vitest';
import { pseudonymOf } from '@pip/storage/person-records-store';
import { regionParticipants } from '@pip/functions/use-cases/delivery/region-progress';
import { memoryPorts } from '../../support/memory-ports';
import { LEADS, LEEDS, approvedWith } from './fixtures';

const [REPLACED, STILL_KNOWN] = LEADS;

describe('who a region’s learning event is for', () => {
  it('leaves out a participant the retention schedule has replaced by a pseudonym: there is nobody left to invite', async () => {
    const pseudonym = pseudonymOf(REPLACED.applicationId);
    const replaced = { ...REPLACED, answers: { ...REPLACED.answers, fullName: pseudonym.name, email: pseudonym.email } };
    const ports = memoryPorts({ now: '2029-06-01T09:00:00.000Z', areas: [LEEDS], applications: [replaced, STILL_KNOWN], selections: [approvedWith(LEADS)] });

    const { participants } = await regionParticipants(ports, LEEDS.regionId);

    expect(participants.map((participant) => participant.applicationId)).toEqual([STILL_KNOWN.applicationId]);
  });
});
