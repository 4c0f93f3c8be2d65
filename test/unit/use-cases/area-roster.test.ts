import { describe, expect, it } from 'vitest';
import { areaRoster } from '@pip/functions/use-cases/roster/area-roster';
import { APPLICANTS, LEEDS, reviewedLeeds } from './fixtures';

describe('the roster of an area', () => {
  it('marks the people whose address could not be reached, read for all of them at once', async () => {
    const ports = reviewedLeeds();
    const bounced = APPLICANTS[3]!;
    await ports.unreachable.record({ address: bounced.answers.email.toUpperCase(), problem: 'bounced', suppressed: true, reason: 'No such mailbox', at: '2027-02-01T09:00:00.000Z', messageId: 'm-1', subject: 'Your application' });
    const asked: number[] = [];
    const findAll = ports.unreachable.findAll.bind(ports.unreachable);
    ports.unreachable.findAll = (addresses) => {
      asked.push(addresses.length);
      return findAll(addresses);
    };
    ports.unreachable.find = () => Promise.reject(new Error('one read per person'));
    const roster = await areaRoster(ports, LEEDS.areaId);
    expect(asked).toEqual([APPLICANTS.length]);
    expect(roster.rows.filter((row) => row.unreachable).map((row) => row.application.applicationId)).toEqual([bounced.applicationId]);
    expect(roster.rows).toHaveLength(APPLICANTS.length);
  });
});
