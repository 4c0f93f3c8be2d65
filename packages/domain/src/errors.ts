export interface FieldError {
  /** Dotted path of the field, as in the API body: `email`, `answers.fullName`. */
  field: string;
  message: string;
}

/**
 * A refusal the person can understand and act on; never a bug. The domain says only what kind of
 * refusal it is; the HTTP kit decides, once, what status and page or JSON each kind becomes.
 */
export abstract class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** What was asked for does not exist (or is not for this person to see). */
export class NotFoundError extends DomainError {
  constructor(readonly what: string) {
    super(`${what} not found`);
  }
}

/** Answers that need correcting, each with the field it belongs to. */
export class ValidationError extends DomainError {
  constructor(readonly fieldErrors: FieldError[]) {
    super('There is a problem with the answers given');
  }

  static of(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }]);
  }
}

/**
 * What was asked cannot be done as things stand now: it was done already, someone else changed the
 * record first, or the programme has not reached (or has passed) the point where it is allowed.
 * `field` names where a form shows the message.
 */
export class ConflictError extends DomainError {
  constructor(
    message: string,
    readonly field = 'main-content',
  ) {
    super(message);
  }

  get fieldErrors(): FieldError[] {
    return [{ field: this.field, message: this.message }];
  }
}

/** Another request changed the same record at the same moment, more times than is reasonable to retry. */
export class ConcurrentChangeError extends ConflictError {
  constructor(what: string) {
    super(`${what} was changed by someone else at the same time; try again`);
  }
}

/** Someone else changed or approved the selection after this person loaded it. */
export class SelectionChangedError extends ConflictError {
  constructor(message: string) {
    super(message, 'selection');
  }
}

/** The evaluation survey has closed: responses are final. */
export class SurveyClosedError extends ConflictError {
  constructor() {
    super('The evaluation has closed: responses are final.');
  }
}
