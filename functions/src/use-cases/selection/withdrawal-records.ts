import { canUndo, withdrawalHistory, type Sector, type WithdrawalView } from '@pip/domain';
import type { SelectionContext } from './selection-context';

/** Each applicant's sector and name as their application gives them, for rules about the selection's history. */
export function applicantsOf(context: Pick<SelectionContext, 'applications'>) {
  const byId = new Map(context.applications.map((application) => [application.applicationId, application]));
  return {
    sectorOf: (applicationId: string): Sector | undefined => byId.get(applicationId)?.answers.sector,
    nameOf: (applicationId: string): string => byId.get(applicationId)?.answers.fullName ?? applicationId,
  };
}

/** Every withdrawal from the approved group, newest first, as the selection page shows them. */
export function withdrawalsOf(context: Pick<SelectionContext, 'applications' | 'stored'>, now: Date): WithdrawalView[] {
  const { sectorOf, nameOf } = applicantsOf(context);
  const stored = context.stored;
  return withdrawalHistory(stored, sectorOf)
    .map((record) => ({
      ...record,
      name: nameOf(record.applicationId),
      ...(record.placeTakenBy ? { placeTakenByName: nameOf(record.placeTakenBy.applicationId) } : {}),
      undoable: stored !== undefined && canUndo(stored, record, now),
    }))
    .reverse();
}
