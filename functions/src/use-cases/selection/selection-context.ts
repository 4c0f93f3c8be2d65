import {
  NotFoundError,
  proposeSelection,
  toCandidate,
  type Application,
  type Area,
  type AreaSelection,
  type Candidate,
  type Ports,
  type Proposal,
  type Review,
  type ReviewIndependence,
  type SelectionDraft,
} from '@pip/domain';
import { recordedConflicts, reviewIndependence } from '../staff/review-independence';

export type SelectionContextPorts = Pick<Ports, 'areas' | 'applications' | 'reviews' | 'selections' | 'staffConnections' | 'declaredConflicts'>;

/** Everything the selection of an area is decided from: its applications, their reviews, the stored selection and the proposal. */
export interface SelectionContext {
  area: Area;
  applications: Application[];
  /** Every review, independent or not. */
  reviews: Review[];
  /** Which reviews count: only those by reviewers with no conflict of interest now go into the candidates' mean scores. */
  independence: ReviewIndependence;
  candidates: Candidate[];
  stored: AreaSelection | undefined;
  proposal: Proposal;
}

export async function selectionContext(ports: SelectionContextPorts, areaId: string): Promise<SelectionContext> {
  const [area, applications, reviews, stored, conflicts] = await Promise.all([
    ports.areas.existing(areaId),
    ports.applications.listForArea(areaId),
    ports.reviews.listForArea(areaId),
    ports.selections.get(areaId),
    recordedConflicts(ports, areaId),
  ]);
  const independence = reviewIndependence(conflicts, area, applications, reviews);
  const candidates = applications.map((application) => toCandidate(application, independence.independent));
  return { area, applications, reviews, independence, candidates, stored, proposal: proposeSelection(candidates) };
}

/** What staff see as the current selection: the stored one, or the proposal if nobody has edited it. */
export function currentDraft(context: SelectionContext): SelectionDraft & { version: number } {
  if (context.stored) return context.stored;
  return { selected: context.proposal.selected, leads: {}, version: 0 };
}

/** One application of the area, or a NotFoundError. */
export function applicationIn(context: Pick<SelectionContext, 'applications'>, applicationId: string): Application {
  const application = context.applications.find((candidate) => candidate.applicationId === applicationId);
  if (!application) throw new NotFoundError('Application');
  return application;
}
