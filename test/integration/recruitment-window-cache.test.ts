import { describe, expect, it } from 'vitest';
import { formatUkDateTime } from '@pip/domain';
import { goodAnswers } from '../support/application-answers';
import { emailsTo } from '../support/inbox';
import { platformOfThisFile, uniqueEmail, type FilePlatform } from '../support/platform';

/**
 * A submission trusts the area's window as its container last read it, and its transaction checks
 * that window against the area item: a window staff change after that read must still decide.
 */
let stores: FilePlatform['stores'];
let base: string;

platformOfThisFile((started) => ({ stores, base } = started));

const apply = (areaId: string, email: string) =>
  fetch(`${base}/api/areas/${areaId}/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(goodAnswers(email)) });

/** Staff change the window in the table, as the window form does, after the platform has read it. */
async function changeWindow(areaId: string, next: { opensAt: string; closesAt: string }): Promise<void> {
  const area = await stores.areas.existing(areaId);
  const at = new Date().toISOString();
  const audit = { areaId, entryId: `window-${at}`, at, actor: { name: 'Test staff' }, action: 'Recruitment window changed', summary: 'Changed by the test.' };
  expect(await stores.areas.changeWindow(areaId, area.recruitment, next, audit)).toBe(true);
}

describe('an application against the area as last read', () => {
  it('is refused once staff have closed the window since it was read, storing nothing', async () => {
    expect((await apply('leeds', uniqueEmail('before-close'))).status).toBe(201);
    const area = await stores.areas.existing('leeds');
    await changeWindow('leeds', { opensAt: area.recruitment.opensAt, closesAt: new Date(Date.now() - 60_000).toISOString() });

    const late = uniqueEmail('after-close');
    const refused = await apply('leeds', late);

    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Applications for Leeds closed');
    expect(await stores.applications.findByApplicant('leeds', late)).toBeUndefined();
  });

  it('is accepted under a window staff moved since it was read, and its email gives the window as it now is', async () => {
    expect((await apply('northumberland', uniqueEmail('before-move'))).status).toBe(201);
    const area = await stores.areas.existing('northumberland');
    const closesAt = new Date(Date.parse(area.recruitment.closesAt) + 7 * 24 * 3600_000).toISOString();
    await changeWindow('northumberland', { opensAt: area.recruitment.opensAt, closesAt });

    const email = uniqueEmail('after-move');
    const accepted = await apply('northumberland', email);

    expect(accepted.status).toBe(201);
    expect(await stores.applications.findByApplicant('northumberland', email)).toBeDefined();
    const [received] = await emailsTo(email);
    expect(received?.body.text).toContain(`Applications close at ${formatUkDateTime(closesAt)}`);
  });
});
