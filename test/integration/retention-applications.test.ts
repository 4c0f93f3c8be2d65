import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DAY, retentionRule } from '@pip/domain';
import { loadHandler, localStaff, tableStreamsSettled, type RunningPlatform } from '@pip/local';
import type { Item } from '@pip/storage';
import type { RetentionCounts } from '@pip/functions/use-cases/retention/apply-retention';
import { startTestPlatform, storesOf } from '../support/platform';
import { apply, closeRecruitment, openArea, type Applicant } from '../support/programme-data';
import { approvePair, staffSession } from '../support/staff-session';

/*
 * The application rules of the retention pass against DynamoDB Local: an applicant not selected is
 * pseudonymised once the period after the approval ends, and not a day before; the participants stay.
 */
const AREA = 'retention-applications';
let platform: RunningPlatform;
let stores: ReturnType<typeof storesOf>;
let council: Applicant;
let voluntary: Applicant;
let unsuccessful: Applicant;
const approvedAround = Date.now();

const moveClockTo = (instant: number) => (process.env.PIP_LOCAL_CLOCK_OFFSET_MS = String(instant - Date.now()));
const pass = async () => (await loadHandler<() => Promise<RetentionCounts>>('apply-retention'))();

async function scan(): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await stores.documents.send(new ScanCommand({ TableName: platform.tableName, ConsistentRead: true, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
}

beforeAll(async () => {
  platform = await startTestPlatform();
  stores = storesOf(platform);
  await openArea(platform, AREA, 'Pseudonymshire');
  council = await apply(platform, AREA, 'council', { fullName: 'Carla Council' });
  voluntary = await apply(platform, AREA, 'voluntary', { fullName: 'Vic Voluntary', sector: 'voluntary-community', organisationKind: 'other' });
  unsuccessful = await apply(platform, AREA, 'unsuccessful', { fullName: 'Una Unsuccessful' });
  await closeRecruitment(platform, AREA);
  expect((await approvePair(staffSession(platform, localStaff[0]), AREA, council, voluntary)).status).toBe(303);
});
afterAll(async () => {
  delete process.env.PIP_LOCAL_CLOCK_OFFSET_MS;
  stores?.documents.destroy();
  await platform?.stop();
});

describe('the retention pass, for applications', () => {
  const due = approvedAround + retentionRule('unsuccessful-applications').days * DAY;

  it('keeps an applicant who was not selected until the period after the approval ends', async () => {
    moveClockTo(due - DAY);
    await pass();
    expect((await stores.applications.findByReference(AREA, unsuccessful.applicationId))?.answers.fullName).toBe('Una Unsuccessful');
  });

  it('then replaces them by a pseudonym everywhere, keeps the participants, and counts it in the timeline', async () => {
    moveClockTo(due + DAY);
    const counts = await pass();
    expect(counts['unsuccessful-applications']).toBe(1);
    const after = await stores.applications.findByReference(AREA, unsuccessful.applicationId);
    expect(after?.answers.email).toMatch(/\.invalid$/u);
    expect(after?.answers.sector).toBe('local-authority');
    const everything = JSON.stringify(await scan()).toLowerCase();
    expect(everything).not.toContain('una unsuccessful');
    expect(everything).not.toContain(unsuccessful.email.toLowerCase());
    for (const participant of [council, voluntary]) expect((await stores.applications.findByReference(AREA, participant.applicationId))?.answers.email).toBe(participant.email);
    // By then the emails' wording and the links are due too: each rule has its own entry.
    const entries = (await stores.audit.listForArea(AREA)).filter((entry) => entry.kind === 'retention' && entry.action === 'Pseudonymised under the retention schedule');
    expect(entries.map((entry) => entry.summary)).toEqual([`1 record pseudonymised: ${retentionRule('unsuccessful-applications').what}.`]);
    expect(entries[0]).toMatchObject({ actor: { name: 'Retention schedule' }, subjects: [unsuccessful.applicationId] });
  });

  it('changes nothing when it runs again', async () => {
    // What the last pass set going on the table's stream is finished first, so only this pass could change the table.
    await tableStreamsSettled();
    const before = await scan();
    expect(await pass()).toEqual({});
    await tableStreamsSettled();
    expect(await scan()).toEqual(before);
  });
});
