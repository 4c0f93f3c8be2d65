import { applicantKey } from '@pip/domain';

/** Every item's keys are built here and nowhere else. */
export const keys = {
  region: (regionId: string) => ({ pk: `REGION#${regionId}`, sk: 'REGION' }),
  regionList: (order: number) => ({ gsi1pk: 'REGIONS', gsi1sk: String(order).padStart(3, '0') }),
  area: (areaId: string) => ({ pk: `AREA#${areaId}`, sk: 'AREA' }),
  areaList: (regionId: string, name: string) => ({ gsi1pk: 'AREAS', gsi1sk: `${regionId}#${name}` }),
  application: (areaId: string, email: string) => ({ pk: `AREA#${areaId}`, sk: `APPLICANT#${applicantKey(email)}` }),
  applicationReference: (applicationId: string) => ({ gsi1pk: `APPLICATION#${applicationId}`, gsi1sk: 'APPLICATION' }),
  applicationsOfArea: (areaId: string) => ({ pk: `AREA#${areaId}`, skPrefix: 'APPLICANT#' }),
  email: (messageId: string) => ({ pk: `EMAIL#${messageId}`, sk: 'EMAIL' }),
  pendingEmail: (createdAt: string) => ({ gsi1pk: 'OUTBOX#PENDING', gsi1sk: createdAt }),
} as const;

export const lists = { regions: 'REGIONS', areas: 'AREAS', pendingEmails: 'OUTBOX#PENDING' } as const;
