import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, MINUTE, fromUkLocalTime, type Area } from '@pip/domain';
import { localStaff, type RunningPlatform } from '@pip/local';
import { DynamoAreaProgressStore } from '@pip/storage';
import { startTestPlatform, storesOf } from '../support/platform';
import { apply, ukDate } from '../support/programme-data';
import { staffSession, type StaffSession } from '../support/staff-session';

/*
 * Staff move an area's recruitment window while applications are open, and the area's workflow,
 * run locally from the synthesized state machine, follows the new close in both directions.
 */
const AREA = 'window-test';
let platform: RunningPlatform;
let sam: StaffSession;

const now = () => Date.now() + Number(process.env.PIP_LOCAL_CLOCK_OFFSET_MS ?? 0);

async function stored(): Promise<{ area: Area; stage: string | undefined; history: { stage: string; at: string }[] }> {
  await platform.workflow!.idle(AREA);
  const stores = storesOf(platform);
  const [area, progress] = await Promise.all([stores.areas.existing(AREA), new DynamoAreaProgressStore(stores.documents, platform.tableName).get(AREA)]);
  stores.documents.destroy();
  return { area, stage: progress?.stage, history: progress?.history ?? [] };
}

/** The window form as staff send it: a new close (a UK date and time), with the window they saw. */
async function moveClose(date: string, time: string) {
  const { area } = await stored();
  return sam.post(`/staff/areas/${AREA}/window`, {
    'closes-date': date,
    'closes-time': time,
    seenOpensAt: area.recruitment.opensAt,
    seenClosesAt: area.recruitment.closesAt,
  });
}

beforeAll(async () => {
  platform = await startTestPlatform({ workflow: true });
  sam = staffSession(platform, localStaff[0]);
  // Open for eight days already, closing in ten.
  const area: Area = {
    areaId: AREA,
    name: 'Window Test',
    regionId: 'south-west',
    recruitment: { opensAt: new Date(Date.now() - 8 * DAY).toISOString(), closesAt: new Date(Date.now() + 10 * DAY).toISOString() },
  };
  const stores = storesOf(platform);
  const added = { areaId: AREA, entryId: randomUUID(), at: new Date().toISOString(), actor: { name: 'Test set-up' }, action: 'Area added', summary: 'Window Test added.' };
  await stores.areas.add(area, added);
  stores.documents.destroy();
  await apply(platform, AREA, 'window-la', { fullName: 'Council Person' });
});
afterAll(() => platform?.stop());

describe("an area's recruitment window changed while applications are open", () => {
  it('offers only the close to change once applications are open', async () => {
    await platform.workflow!.start(AREA);
    expect((await stored()).stage).toBe('recruitment');
    const page = await (await sam.get(`/staff/areas/${AREA}/window`)).text();
    expect(page).toContain('Applications are open, so only the closing date can move.');
    expect(page).toContain('name="closes-date-day"');
    expect(page).not.toContain('name="opens-date-day"');
  });

  it('refuses a close less than a week after opening with a field error, changing nothing', async () => {
    const before = await stored();
    const response = await moveClose(ukDate(now() - 2 * DAY), '17:00');
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('Applications must be open for at least a week');
    expect(page).toContain('href="#closes-date"');
    expect((await stored()).area).toEqual(before.area);
  });

  it('waits for a close moved later, past the old one', async () => {
    const later = ukDate(now() + 20 * DAY);
    expect((await moveClose(later, '17:00')).status).toBe(303);
    const { area } = await stored();
    expect(area.recruitment.closesAt).toBe(fromUkLocalTime(later, '17:00').toISOString());
    const audit = await (await sam.get(`/staff/areas/${AREA}/timeline`)).text();
    expect(audit).toContain('Recruitment window changed');
    expect(audit).toContain('Applications for Window Test now open from');

    // The old close passes: applications stay open and the workflow keeps waiting.
    await platform.workflow!.advanceClock(11 * DAY);
    expect((await stored()).stage).toBe('recruitment');
    expect(await (await fetch(`${platform.url.replace('localhost', '127.0.0.1')}/apply`)).text()).toContain('Window Test');
  });

  it('follows a close moved earlier within the hour, and dates selection from the new close', async () => {
    const tomorrow = ukDate(now() + DAY);
    expect((await moveClose(tomorrow, '09:00')).status).toBe(303);
    const closesAt = fromUkLocalTime(tomorrow, '09:00').getTime();
    await platform.workflow!.advanceClock(closesAt + MINUTE - now());
    const { stage, history } = await stored();
    expect(stage).toBe('selection');
    expect(history.find((entry) => entry.stage === 'selection')?.at).toBe(new Date(closesAt).toISOString());
  });

  it('refuses any change once applications have closed, with a clear message, changing nothing', async () => {
    const before = await stored();
    const response = await moveClose(ukDate(now() + 30 * DAY), '17:00');
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('closed at');
    expect((await stored()).area).toEqual(before.area);
    const page = await (await sam.get(`/staff/areas/${AREA}/window`)).text();
    expect(page).toContain('Applications have closed, so the recruitment window can no longer be changed.');
    expect(page).not.toContain('name="closes-date-day"');
  });
});
