import type { Area, RecruitmentState } from './area';

export interface FieldError {
  /** Dotted path of the field, as in the API body: `email`, `answers.fullName`. */
  field: string;
  message: string;
}

/** A failure the person can understand and act on; never a bug. */
export abstract class DomainError extends Error {
  abstract readonly status: number;
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  constructor(readonly what: string) {
    super(`${what} not found`);
  }
}

export class ValidationError extends DomainError {
  readonly status = 400;
  constructor(readonly fieldErrors: FieldError[]) {
    super('There is a problem with the answers given');
  }
}

export class RecruitmentNotOpenError extends DomainError {
  readonly status = 409;
  constructor(
    readonly area: Area,
    readonly state: Exclude<RecruitmentState, 'open'>,
  ) {
    super(
      state === 'closed'
        ? `Applications for ${area.name} closed on ${area.recruitment.closesAt}`
        : `Applications for ${area.name} open on ${area.recruitment.opensAt}`,
    );
  }
}

/** Another request changed the same record at the same moment, more times than is reasonable to retry. */
export class ConcurrentChangeError extends DomainError {
  readonly status = 409;
  constructor(what: string) {
    super(`${what} was changed by someone else at the same time; try again`);
  }
}

/** Someone else changed or approved the selection after this person loaded it. */
export class SelectionChangedError extends DomainError {
  readonly status = 409;
}
