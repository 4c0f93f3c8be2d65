import { ValidationError, type FieldError } from './errors';

/**
 * What a member of the programme team has recorded about themselves on their profile: the
 * organisation they work at and the local authority areas they are connected to. The conflict of
 * interest rule reads it. Not to be confused with `StaffProfile`, who their sign-in says they are.
 */
export interface StaffConnections {
  /** The Cognito `sub` of the staff member. */
  staffId: string;
  /** Their name when they last saved, so that others can read whose review is not independent. */
  name: string;
  /** Free text, as they write it; '' when they have not said. */
  organisation: string;
  /** The platform's areas they are connected to (live or work in, sit on a board, fund). */
  areaIds: string[];
  note?: string;
  /** 1 for the first save; each save says which version it replaces. */
  version: number;
  /** When it was last changed (ISO). */
  changedAt: string;
}

/** The limits of the profile's and a declaration's free text. */
export const staffProfileRules = {
  organisationMaxLength: 200,
  noteMaxLength: 1000,
  conflictReasonMaxLength: 500,
} as const;

/** The profile form's answers, checked: text trimmed, only areas the platform has, each once and in the platform's order. */
export interface StaffConnectionsAnswers {
  organisation: string;
  areaIds: string[];
  note?: string;
}

/** Checks the profile form's answers against the platform's areas; refuses by field. */
export function parseStaffConnections(
  input: { organisation: string; areaIds: readonly string[]; note: string },
  knownAreaIds: readonly string[],
): StaffConnectionsAnswers {
  const organisation = input.organisation.trim().replace(/\s+/gu, ' ');
  const note = input.note.trim();
  const errors: FieldError[] = [];
  if (organisation.length > staffProfileRules.organisationMaxLength) {
    errors.push({ field: 'organisation', message: `Your organisation must be ${staffProfileRules.organisationMaxLength} characters or fewer` });
  }
  if (input.areaIds.some((areaId) => !knownAreaIds.includes(areaId))) {
    errors.push({ field: 'areaIds', message: 'Choose areas from the list' });
  }
  if (note.length > staffProfileRules.noteMaxLength) {
    errors.push({ field: 'note', message: `The note must be ${staffProfileRules.noteMaxLength} characters or fewer` });
  }
  if (errors.length > 0) throw new ValidationError(errors);
  return {
    organisation,
    areaIds: knownAreaIds.filter((areaId) => input.areaIds.includes(areaId)),
    ...(note ? { note } : {}),
  };
}

/** Whether a save would change nothing: the same answers again (a double click, a second tab saving the same). */
export function sameConnections(stored: StaffConnections | undefined, answers: StaffConnectionsAnswers): boolean {
  return (
    stored !== undefined &&
    stored.organisation === answers.organisation &&
    (stored.note ?? '') === (answers.note ?? '') &&
    stored.areaIds.length === answers.areaIds.length &&
    stored.areaIds.every((areaId) => answers.areaIds.includes(areaId))
  );
}

/** A staff member's own declaration that they have a conflict of interest with one application. */
export interface DeclaredConflict {
  areaId: string;
  applicationId: string;
  staffId: string;
  staffName: string;
  reason: string;
  declaredAt: string;
}

/** The reason a declaration gives: required, trimmed, not too long. */
export function parseConflictReason(text: string): string {
  const reason = text.trim().replace(/\s+/gu, ' ');
  if (reason === '') throw ValidationError.of('reason', 'Enter why you have a conflict of interest with this applicant');
  if (reason.length > staffProfileRules.conflictReasonMaxLength) {
    throw ValidationError.of('reason', `The reason must be ${staffProfileRules.conflictReasonMaxLength} characters or fewer`);
  }
  return reason;
}
