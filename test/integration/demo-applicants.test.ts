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

describe("filtering an area's applications", () => {
  const names = (page: string) => [...page.matchAll(/<td class="govuk-table__cell"><a class="govuk-link" href="[^"]+">([^<]+)<\/a>/gu)].map((match) => match[1]).sort();

  it('by sector, flag and lowest mean score, saying how many of how many', async () => {
    const sam = staffSession(platform);
    const good = await (await sam.get('/staff/areas/cumbria?minScore=4')).text();
    expect(names(good)).toEqual(['Andrew Thompson', 'David Nicholson', 'Fiona Graham', 'Gareth Jones', 'Helen Armstrong', 'Joanne Wilson']);
    expect(good).toContain('Showing 6 of 16 applications.');
    const goodVoluntary = await (await sam.get('/staff/areas/cumbria?sector=voluntary-community&minScore=4')).text();
    expect(names(goodVoluntary)).toEqual(['Andrew Thompson', 'Gareth Jones', 'Joanne Wilson']);
    expect(names(await (await sam.get('/staff/areas/cumbria?flag=bme-network')).text())).toEqual(['Amina Yusuf', 'Rajesh Patel']);
    expect(await (await sam.get('/staff/areas/cumbria?minScore=5')).text()).toContain('None of the 16 applications match these filters.');
    expect(await (await sam.get('/staff/areas/kent')).text()).toContain('No applications yet.');
  });

  it('refuses a lowest score that is not one, at the field, keeping what was typed and showing every application', async () => {
    for (const typed of ['lots', '7', '0.5']) {
      const response = await staffSession(platform).get(`/staff/areas/cumbria?minScore=${typed}`);
      expect(response.status).toBe(400);
      const page = await response.text();
      expect(page).toContain('<a href="#minScore">Enter a mean score from 1 to 5, like 3.5</a>');
      expect(page).toContain(`id="minScore" name="minScore" type="text" inputmode="decimal" value="${typed}"`);
      expect(page).toContain('Showing 16 of 16 applications.');
    }
  });
});
