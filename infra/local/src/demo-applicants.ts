import { randomBytes, randomUUID } from 'node:crypto';
import { DAY, reviewSummary, type ApplicationAnswers, type ReviewScores, type StaffProfile } from '@pip/domain';
import { submitApplication } from '@pip/functions/use-cases/recruitment/submit-application';
import { RouteTableLinks } from '@pip/functions/adapters/platform-links';
import type { DynamoApplicationStore, DynamoAreaStore, DynamoEmailAllowanceStore, DynamoOutboxStore, DynamoReviewStore } from '@pip/storage';

/** The demo area whose recruitment has closed: it starts with applicants, so selection can be tried at once. */
export const DEMO_SELECTION_AREA = 'cumbria';

type DemoApplicant = Pick<ApplicationAnswers, 'fullName' | 'organisation' | 'jobTitle' | 'roleLevel'> &
  Partial<Pick<ApplicationAnswers, 'organisationKind' | 'bmeNetwork' | 'laaProvider'>> & {
    /** Two reviewers' scores for role fit, partnership experience and commitment. */
    scores: [[number, number, number], [number, number, number]];
  };

// Fictional people. Enough of each sector for a reserve list; two from one council, so the
// one-per-organisation rule shows; one from a BME network and one LAA provider, so the diversity
// rules show.
const council: DemoApplicant[] = [
  { fullName: 'Helen Armstrong', organisation: 'Cumbria County Council', jobTitle: 'Director of Adult Social Care', roleLevel: 'director-or-assistant-chief-executive', scores: [[5, 4, 5], [5, 5, 4]] },
  { fullName: 'David Nicholson', organisation: 'Cumbria County Council', jobTitle: 'Head of Policy and Partnerships', roleLevel: 'assistant-director-or-head-of-service', scores: [[4, 5, 4], [4, 4, 5]] },
  { fullName: 'Fiona Graham', organisation: 'Carlisle City Council', jobTitle: 'Assistant Chief Executive', roleLevel: 'director-or-assistant-chief-executive', scores: [[4, 4, 4], [5, 4, 4]] },
  { fullName: 'Rajesh Patel', organisation: 'Allerdale Borough Council', jobTitle: 'Head of Community Services', roleLevel: 'assistant-director-or-head-of-service', bmeNetwork: 'yes', scores: [[3, 4, 4], [3, 3, 4]] },
  { fullName: 'Susan Dixon', organisation: 'Eden District Council', jobTitle: 'Chief Executive', roleLevel: 'chief-executive-or-chief-officer', scores: [[5, 3, 3], [4, 3, 4]] },
  { fullName: 'Mark Robinson', organisation: 'South Lakeland District Council', jobTitle: 'Director of Communities', roleLevel: 'director-or-assistant-chief-executive', scores: [[4, 3, 4], [4, 4, 3]] },
  { fullName: 'Claire Bell', organisation: 'Barrow Borough Council', jobTitle: 'Partnerships Manager', roleLevel: 'senior-manager', scores: [[3, 4, 3], [3, 3, 3]] },
  { fullName: 'Peter Hodgson', organisation: 'Copeland Borough Council', jobTitle: 'Assistant Director, Regeneration', roleLevel: 'assistant-director-or-head-of-service', scores: [[3, 3, 3], [2, 3, 3]] },
];

const voluntary: DemoApplicant[] = [
  { fullName: 'Joanne Wilson', organisation: 'Cumbria CVS', jobTitle: 'Chief Officer', roleLevel: 'chief-executive-or-chief-officer', organisationKind: 'infrastructure-body', scores: [[5, 5, 4], [5, 5, 5]] },
  { fullName: 'Andrew Thompson', organisation: 'ACTion with Communities in Cumbria', jobTitle: 'Chief Executive', roleLevel: 'chief-executive-or-chief-officer', organisationKind: 'infrastructure-body', scores: [[4, 5, 4], [4, 4, 4]] },
  { fullName: 'Amina Yusuf', organisation: 'Cumbria Multicultural Network', jobTitle: 'Coordinator', roleLevel: 'senior-manager', organisationKind: 'front-line-organisation', bmeNetwork: 'yes', scores: [[3, 4, 4], [3, 3, 4]] },
  { fullName: 'Gareth Jones', organisation: 'Age UK Carlisle and Eden', jobTitle: 'Chief Executive', roleLevel: 'chief-executive-or-chief-officer', organisationKind: 'front-line-organisation', scores: [[4, 4, 4], [4, 4, 5]] },
  { fullName: 'Rachel Moore', organisation: 'Cumbria Law Centre', jobTitle: 'Director', roleLevel: 'director-or-assistant-chief-executive', organisationKind: 'front-line-organisation', laaProvider: 'yes', scores: [[3, 3, 3], [3, 3, 4]] },
  { fullName: 'Thomas Harrison', organisation: 'Eden Voluntary Network', jobTitle: 'Network Manager', roleLevel: 'senior-manager', organisationKind: 'infrastructure-body', scores: [[4, 4, 3], [4, 3, 4]] },
  { fullName: 'Laura Stephenson', organisation: 'Furness Carers', jobTitle: 'Chief Officer', roleLevel: 'chief-executive-or-chief-officer', organisationKind: 'front-line-organisation', scores: [[4, 3, 4], [3, 4, 4]] },
  { fullName: 'Michael Brown', organisation: 'West Cumbria Housing Advice', jobTitle: 'Service Manager', roleLevel: 'senior-manager', organisationKind: 'front-line-organisation', scores: [[3, 3, 4], [3, 3, 3]] },
];

function answersOf(applicant: DemoApplicant, sector: ApplicationAnswers['sector']): ApplicationAnswers {
  const { scores: _scores, ...answers } = applicant;
  return {
    ...answers,
    email: `${applicant.fullName.toLowerCase().replace(/\W+/gu, '.')}@example.org`,
    sector,
    partnershipExperience: 'I work with partners across Cumbria on shared services and a joint compact.',
    programmeHopes: 'A partnership plan the council and the voluntary sector both own.',
    canAttendWorkshops: 'yes',
    privacyConsent: true,
  };
}

/**
 * Applies for the demo applicants in the closed demo area, as they would have while it was open
 * (each gets the usual email), and records two demo staff members' reviews of each, leaving the
 * third reviewer to show who has not reviewed yet. Idempotent: an applicant already there is left
 * alone, reviews and all.
 */
export async function seedDemoApplicants(
  stores: {
    areas: DynamoAreaStore;
    applications: DynamoApplicationStore;
    reviews: DynamoReviewStore;
    outbox: DynamoOutboxStore;
    emailAllowances: DynamoEmailAllowanceStore;
  },
  reviewers: readonly [StaffProfile, StaffProfile],
  baseUrl: string,
): Promise<number> {
  const area = await stores.areas.get(DEMO_SELECTION_AREA);
  if (!area) return 0;
  const applicants = [...council.map((a) => [a, 'local-authority'] as const), ...voluntary.map((a) => [a, 'voluntary-community'] as const)];
  const links = new RouteTableLinks(baseUrl);
  let added = 0;
  for (const [index, [applicant, sector]] of applicants.entries()) {
    const appliedAt = new Date(Date.parse(area.recruitment.opensAt) + (index + 1) * DAY / 4);
    const submitted = await submitApplication(
      {
        areas: stores.areas,
        applications: stores.applications,
        emailAllowances: stores.emailAllowances,
        outbox: stores.outbox,
        links,
        linkTokens: { newToken: () => randomBytes(32).toString('base64url') },
        clock: { now: () => appliedAt },
        random: (bytes) => new Uint8Array(randomBytes(bytes)),
        log: () => undefined,
      },
      area.areaId,
      answersOf(applicant, sector),
    );
    if (submitted.outcome !== 'received') continue;
    const { application } = submitted;
    added += 1;
    // Reviewed the day after applications closed, or now if that is still to come.
    const reviewedAt = new Date(Math.min(Date.now(), Date.parse(area.recruitment.closesAt) + DAY + index * 60_000)).toISOString();
    for (const [which, reviewer] of reviewers.entries()) {
      const [roleFit, partnershipExperience, commitment] = applicant.scores[which]!;
      const scores: ReviewScores = { roleFit, partnershipExperience, commitment };
      const review = { ...scores, areaId: area.areaId, applicationId: application.applicationId, staffId: reviewer.staffId, staffName: reviewer.name, reviewedAt };
      const audit = { areaId: area.areaId, entryId: randomUUID(), at: reviewedAt, actor: { staffId: reviewer.staffId, name: reviewer.name }, action: 'Application reviewed', summary: reviewSummary(application.answers.fullName, scores), after: scores };
      await stores.reviews.save(review, audit);
    }
  }
  return added;
}
