import { nominatingBodies, type Application } from './application';
import { applicationFields, fieldMeta, type ApplicationField } from './application-form';
import type { Area } from './area';
import { meanScore, scoreText, type Review } from './review';
import { sectorNames, type Candidate } from './selection';
import type { StaffProfile } from './staff';
import { formatUkDateTime } from './uk-time';

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

const flags = Object.keys(applicationFlags) as NonNullable<ApplicationFilters['flag']>[];

/** The filters staff asked for, as the address gives them, with what they typed as a minimum score. */
export interface RequestedFilters {
  filters: ApplicationFilters;
  minScoreText: string;
  /** A minimum score that is not one gets a message, not a silent shrug. */
  minScoreError?: string;
}

/** Reads the filters of the applications list from its query; anything unknown is no filter. */
export function filtersFromQuery(query: Readonly<Record<string, string | undefined>>): RequestedFilters {
  const minScoreText = (query.minScore ?? '').trim();
  const minScore = Number(minScoreText);
  const scoreGiven = minScoreText !== '';
  const scoreValid = scoreGiven && Number.isFinite(minScore) && minScore >= 1 && minScore <= 5;
  const flag = flags.find((known) => known === query.flag);
  return {
    filters: {
      ...(query.sector === 'local-authority' || query.sector === 'voluntary-community' ? { sector: query.sector } : {}),
      ...(flag ? { flag } : {}),
      ...(scoreValid ? { minScore } : {}),
    },
    minScoreText,
    ...(scoreGiven && !scoreValid ? { minScoreError: 'Enter a mean score from 1 to 5, like 3.5' } : {}),
  };
}

/** The reviews of one application. */
export function reviewsOf(applicationId: string, reviews: readonly Review[]): Review[] {
  return reviews.filter((review) => review.applicationId === applicationId);
}

export interface ApplicationRow {
  application: Application;
  candidate: Candidate;
  reviewCount: number;
}

/** The applications that match the filters, best mean score first, then by name. */
export function applicationRows(applications: readonly Application[], reviews: readonly Review[], filters: ApplicationFilters): ApplicationRow[] {
  return applications
    .map((application) => ({
      application,
      candidate: toCandidate(application, reviews),
      reviewCount: reviewsOf(application.applicationId, reviews).length,
    }))
    .filter((row) => matchesFilters(row.application, row.candidate, filters))
    .sort(
      (a, b) =>
        (b.candidate.meanScore ?? -1) - (a.candidate.meanScore ?? -1) ||
        a.application.answers.fullName.localeCompare(b.application.answers.fullName),
    );
}

/** An area's applications as staff review them: where the area stands, and the applications that match the filters. */
export interface AreaApplications {
  area: Area;
  stage: string;
  /** The applications that match the filters, best first. */
  rows: ApplicationRow[];
  /** How many applications the area has, before filtering. */
  total: number;
}

/** A question as a table or a summary heads it: a heading is not a question to answer, so "(optional)" goes. */
export function answerTitle(name: ApplicationField): string {
  return fieldMeta(name).title.replace(' (optional)', '');
}

/** A ticked box, in words. */
const ticked = 'Yes';

/** An answer as staff read it: the words of the option chosen, "Yes" for a ticked box; undefined when not given. */
export function answerInWords(name: ApplicationField, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === true) return ticked;
  return fieldMeta(name)['x-options']?.[String(value)] ?? String(value);
}

/** Every application of an area as a table: one column per answer, then who nominated them, their reviews and mean score. */
export function applicationsTable(applications: readonly Application[], reviews: readonly Review[]): { header: string[]; rows: unknown[][] } {
  const header = [
    'Reference',
    'Applied',
    'Last changed',
    ...applicationFields.map(answerTitle),
    'Nominated by',
    'Reviews',
    'Mean score',
  ];
  const rows = applications.map((application) => {
    const mean = toCandidate(application, reviews).meanScore;
    return [
      application.applicationId,
      formatUkDateTime(application.submittedAt),
      formatUkDateTime(application.updatedAt),
      ...applicationFields.map((name) => (name === 'sector' ? sectorNames[application.answers.sector] : (answerInWords(name, application.answers[name]) ?? ''))),
      application.nomination ? `${application.nomination.nominatorName} (${nominatingBodies[application.nomination.body]})` : '',
      reviewsOf(application.applicationId, reviews).length,
      mean === undefined ? '' : scoreText(mean),
    ];
  });
  return { header, rows };
}

/** Each application with its reviews and mean score (null until reviewed), as the staff API gives them. */
export function applicationsWithReviews(applications: readonly Application[], reviews: readonly Review[]) {
  return applications.map((application) => ({
    ...application,
    meanScore: toCandidate(application, reviews).meanScore ?? null,
    reviews: reviewsOf(application.applicationId, reviews),
  }));
}

/** An application as reviewers see it: the answers, every review so far, and who has not reviewed it yet. */
export interface ApplicationUnderReview {
  area: Area;
  application: Application;
  candidate: Candidate;
  reviews: Review[];
  notYetReviewed: StaffProfile[];
}
