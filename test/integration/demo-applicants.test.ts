import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Proposal } from '@pip/domain';
import type { RunningPlatform } from '@pip/local';
import { startTestPlatform, storesOf } from '../support/platform';
import { staffSession } from '../support/staff-session';

let platform: RunningPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ demoApplicants: true });
});
afterAll(() => platform?.stop());

type Listed = { applicationId: string; answers: { fullName: string; email: string }; meanScore: number | null; reviews: { staffName: string }[] };

async function staffApi<T>(path: string): Promise<T> {
  const response = await fetch(`${platform.url.replace('localhost', '127.0.0.1')}${path}`, {
    headers: { authorization: `Bearer ${staffSession(platform).idToken}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe('the demo area with applicants', () => {
  it('starts with scored applicants in the closed area, each sent the usual email, reviewed by two of the three demo staff', async () => {
    const { applications } = await staffApi<{ applications: Listed[] }>('/api/staff/areas/cumbria/applications');
    expect(applications).toHaveLength(16);
    for (const application of applications) {
      expect(application.meanScore).toBeGreaterThan(0);
      expect(application.reviews.map((review) => review.staffName).sort()).toEqual(['Priya Shah', 'Sam Rivers']);
    }
    const helen = applications.find((a) => a.answers.fullName === 'Helen Armstrong')!;
    const outbox = await storesOf(platform).outbox.get(`application-received-${helen.applicationId}`);
    expect(outbox).toMatchObject({ to: helen.answers.email, status: 'pending' });
  });

  it('gives a proposal that shows the rules at work: six per sector, one per organisation, an LAA provider among the twelve', async () => {
    const [{ applications }, { proposal }] = await Promise.all([
      staffApi<{ applications: Listed[] }>('/api/staff/areas/cumbria/applications'),
      staffApi<{ proposal: Proposal }>('/api/staff/areas/cumbria/selection'),
    ]);
    const idOf = (name: string) => applications.find((a) => a.answers.fullName === name)!.applicationId;
    expect(proposal.selected['local-authority']).toHaveLength(6);
    expect(proposal.selected['voluntary-community']).toHaveLength(6);
    expect(proposal.outcomes[idOf('David Nicholson')]?.reasons.join(' ')).toContain('already has Helen Armstrong selected');
    expect(proposal.outcomes[idOf('Rachel Moore')]).toMatchObject({ kind: 'selected' });
    expect(proposal.outcomes[idOf('Rachel Moore')]?.reasons.join(' ')).toContain('Local Area Agreement provider');
    expect(proposal.reserves['local-authority']).toContain(idOf('Peter Hodgson'));
  });

  it('adds nobody twice when the platform starts again on the same table', async () => {
    const again = await startTestPlatform({ demoApplicants: true, tableName: platform.tableName });
    try {
      const stores = storesOf(platform);
      expect(await stores.applications.listForArea('cumbria')).toHaveLength(16);
      stores.documents.destroy();
    } finally {
      await again.stop();
    }
  });
});
