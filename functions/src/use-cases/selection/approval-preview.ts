import {
  ValidationError,
  approvalProblems,
  finalOutcomes,
  selectionChangedUnder,
  type Area,
  type Outcome,
  type Ports,
  type SelectionDraft,
} from '@pip/domain';
import { selectionContext } from './selection-context';

/** What approving a selection would do, for the page that asks staff to confirm it: each applicant's outcome, as their email will tell it. */
export interface ApprovalPreview {
  area: Area;
  draft: SelectionDraft;
  editedVersion: number;
  outcomes: { applicationId: string; name: string; kind: Outcome['kind'] }[];
}

/**
 * The outcomes the selection as edited would give every applicant, refused for the same reasons the
 * approval itself would be (applications still open, a rule that blocks approval, someone else's
 * change or approval since it was loaded), so staff are not asked to confirm what cannot be done.
 */
export async function approvalPreview(
  ports: Pick<Ports, 'areas' | 'applications' | 'reviews' | 'staffConnections' | 'declaredConflicts' | 'selections' | 'clock'>,
  areaId: string,
  draft: SelectionDraft,
  editedVersion: number,
): Promise<ApprovalPreview> {
  const context = await selectionContext(ports, areaId);
  const problems = approvalProblems(context.area, draft, context.candidates, ports.clock.now());
  if (problems.length > 0) throw new ValidationError(problems);
  if ((context.stored?.version ?? 0) !== editedVersion || context.stored?.status === 'approved') throw selectionChangedUnder(context.stored);
  const { outcomes } = finalOutcomes(draft, context.candidates);
  return {
    area: context.area,
    draft,
    editedVersion,
    outcomes: context.applications
      .filter((application) => outcomes[application.applicationId])
      .map(({ applicationId, answers }) => ({ applicationId, name: answers.fullName, kind: outcomes[applicationId]!.kind })),
  };
}
