import type { Application } from './application';
import type { Area } from './area';
import { ValidationError } from './errors';
import type { RosterStatus } from './roster-status';

export const personSearchRules = {
  /** Fewer characters than this would match most of the programme. */
  shortestTerm: 2,
  /** The longest email address an application takes, so that a link to find any applicant by theirs works. */
  longestTerm: 254,
};

/** What staff typed, trimmed and lower-cased to match against; too short or too long is a field error. */
export function personSearchTerm(typed: string): string {
  const term = typed.trim().toLowerCase();
  if (term.length < personSearchRules.shortestTerm) {
    throw ValidationError.of('q', `Enter at least ${personSearchRules.shortestTerm} characters of a name or email address`);
  }
  if (term.length > personSearchRules.longestTerm) {
    throw ValidationError.of('q', `Enter ${personSearchRules.longestTerm} characters or fewer`);
  }
  return term;
}

/** Whether the applicant's name or email address contains the term, whatever the case. */
export function matchesPerson(application: Application, term: string): boolean {
  const { fullName, email } = application.answers;
  return fullName.toLowerCase().includes(term) || email.toLowerCase().includes(term);
}

/** A person found in one area: someone who applied to several areas is found once in each. */
export interface PersonFound {
  area: Area;
  application: Application;
  status: RosterStatus;
}
