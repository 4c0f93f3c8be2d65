import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DAY, type Area } from '@pip/domain';
import { platformNow, type RunningPlatform } from '@pip/local';
import { keys } from '@pip/storage';
import { goodAnswers } from './application-answers';
import { storesOf, uniqueEmail } from './platform';

/** Adds an area open for applications now; close it with `closeRecruitment` when the test moves on to selection. */
export async function openArea(platform: RunningPlatform, areaId: string, name: string, regionId: Area['regionId'] = 'yorkshire-and-the-humber'): Promise<Area> {
  const area: Area = {
    areaId,
    name,
    regionId,
    // Open by the platform's time, which a test may have pinned (`pinPlatformClock`).
    recruitment: { opensAt: new Date(platformNow().getTime() - 86_400_000).toISOString(), closesAt: new Date(platformNow().getTime() + 86_400_000).toISOString() },
  };
  const stores = storesOf(platform);
  await stores.areas.add(area, { areaId, entryId: randomUUID(), at: new Date().toISOString(), actor: { name: 'Test set-up' }, action: 'Area added', summary: `${name} added.` });
  stores.documents.destroy();
  return area;
}

export async function closeRecruitment(platform: RunningPlatform, areaId: string): Promise<void> {
  const stores = storesOf(platform);
  await stores.documents.send(
    new UpdateCommand({
      TableName: platform.tableName,
      Key: keys.area(areaId),
      UpdateExpression: 'SET recruitment.closesAt = :past',
      ExpressionAttributeValues: { ':past': new Date(platformNow().getTime() - 1000).toISOString() },
    }),
  );
  stores.documents.destroy();
}

export interface Applicant {
  applicationId: string;
  email: string;
  fullName: string;
}

/** Applies through the public API, as an applicant would. */
export async function apply(platform: RunningPlatform, areaId: string, label: string, overrides: Record<string, unknown> = {}): Promise<Applicant> {
  const email = uniqueEmail(label);
  const fullName = String(overrides.fullName ?? `Applicant ${label}`);
  const response = await fetch(`${platform.url.replace('localhost', '127.0.0.1')}/api/areas/${areaId}/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(goodAnswers(email, { fullName, organisation: `Organisation ${label}`, ...overrides })),
  });
  if (response.status !== 201) throw new Error(`apply answered ${response.status}: ${await response.text()}`);
  const { applicationId } = (await response.json()) as { applicationId: string };
  return { applicationId, email, fullName };
}


export const ukDate = (instant: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));

/**
 * The programme page's schedule form for four workshops five weeks apart, the first two weeks after `from`.
 * They fall on the weekday the test runs, which may be a weekend or a bank holiday: the reason keeps them.
 */
export function workshopScheduleForm(from: number): Record<string, string> {
  const form: Record<string, string> = { sequence: '-1', intervalOverride: 'Test dates: the weekday the test runs' };
  for (const n of [1, 2, 3, 4]) {
    Object.assign(form, {
      [`workshop-${n}-date`]: ukDate(from + (14 + (n - 1) * 35) * DAY),
      [`workshop-${n}-time`]: '09:30',
      [`workshop-${n}-minutes`]: '210',
      [`workshop-${n}-venue`]: n % 2 ? 'Civic Centre' : 'Voluntary Action Centre',
      [`workshop-${n}-host`]: n % 2 ? 'council' : 'voluntary-sector',
      [`workshop-${n}-facilitators`]: 'Alex Facilitator',
      [`workshop-${n}-facilitator-2`]: 'Bea Facilitator',
    });
  }
  return form;
}
