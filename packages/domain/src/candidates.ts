import type { Application } from './application';
import { meanScore, type Review } from './review';
import type { Candidate } from './selection';

/** An application as the selection sees it: its sector, organisation, mean score and flags. */
export function toCandidate(application: Application, reviews: readonly Review[]): Candidate {
  const { answers } = application;
  const mean = meanScore(reviews.filter((review) => review.applicationId === application.applicationId));
  return {
    applicationId: application.applicationId,
    fullName: answers.fullName,
    sector: answers.sector,
    organisation: answers.organisation,
    ...(mean === undefined ? {} : { meanScore: mean }),
    canAttendWorkshops: answers.canAttendWorkshops === 'yes',
    bmeNetwork: answers.bmeNetwork === 'yes',
    laaProvider: answers.laaProvider === 'yes',
    submittedAt: application.submittedAt,
  };
}

export interface ApplicationFilters {
  sector?: string;
  flag?: 'bme-network' | 'laa-provider' | 'nominated' | 'cannot-attend' | 'not-reviewed';
  minScore?: number;
}

export const applicationFlags = {
  'bme-network': 'In a local BME network',
  'laa-provider': 'LAA provider',
  nominated: 'Nominated',
  'cannot-attend': 'Cannot attend workshops',
  'not-reviewed': 'Not reviewed yet',
} as const;

export function matchesFilters(application: Application, candidate: Candidate, filters: ApplicationFilters): boolean {
  if (filters.sector && application.answers.sector !== filters.sector) return false;
  if (filters.minScore !== undefined && (candidate.meanScore ?? 0) < filters.minScore) return false;
  switch (filters.flag) {
    case 'bme-network':
      return candidate.bmeNetwork;
    case 'laa-provider':
      return candidate.laaProvider;
    case 'nominated':
      return application.nomination !== undefined;
    case 'cannot-attend':
      return !candidate.canAttendWorkshops;
    case 'not-reviewed':
      return candidate.meanScore === undefined;
    default:
      return true;
  }
}
