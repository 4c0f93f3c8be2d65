import { ConflictError, ValidationError, type FieldError } from '@pip/domain';
import type { HttpEvent, HttpResult } from './event';
import type { RouteHandler } from './http-handler';
import { statusFor } from './error-responses';

/** A posted field is a string; a field posted several times (checkboxes) is a list. */
type PostedFields = Record<string, string | string[] | undefined>;

const posted = (event: HttpEvent): PostedFields => (event.parsedBody ?? {}) as PostedFields;

/** What each field of a form is: one value, or a list (checkboxes, multiple selections). */
export type FieldKinds = Record<string, 'text' | 'list'>;

export type FormOf<K extends FieldKinds> = { [Name in keyof K]: K[Name] extends 'list' ? string[] : string };

const asText = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));
const asList = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Reads the fields a form declares, each as the kind it is declared: a missing text field is '', a missing list []. */
export function readForm<K extends FieldKinds>(event: HttpEvent, kinds: K): FormOf<K> {
  const fields = posted(event);
  return Object.fromEntries(
    Object.entries(kinds).map(([name, kind]) => [name, kind === 'list' ? asList(fields[name]) : asText(fields[name])]),
  ) as FormOf<K>;
}

/** One text field. */
export const formText = (event: HttpEvent, name: string): string => asText(posted(event)[name]);

/** One list field. */
export const formList = (event: HttpEvent, name: string): string[] => asList(posted(event)[name]);

/** Every field as text, as a form shows the answers again; lists keep their first value. */
export function formValues(event: HttpEvent): Record<string, string> {
  return Object.fromEntries(Object.entries(posted(event)).map(([name, value]) => [name, asText(value)]));
}

/**
 * What the person is shown when a form they sent is refused: their answers, what is wrong, and
 * the refusal itself, so that a page can tell answers to correct (`ValidationError`) from a
 * record that changed under them (`ConflictError`) by its kind.
 */
export interface FormProblem {
  values: Record<string, string>;
  errors: FieldError[];
  refusal: ValidationError | ConflictError;
}

/**
 * A form's action, with the one rule for refusals a person can correct: answers that need
 * correcting (400) or a state that changed under them (409) show the same form again with their
 * answers and the errors by field. Any other error goes to the kit's error page.
 */
export function formRoute(
  action: RouteHandler,
  showAgain: (event: HttpEvent, status: number, problem: FormProblem) => Promise<HttpResult> | HttpResult,
): RouteHandler {
  return async (event) => {
    try {
      return await action(event);
    } catch (error) {
      if (!(error instanceof ValidationError) && !(error instanceof ConflictError)) throw error;
      return showAgain(event, statusFor(error), { values: formValues(event), errors: error.fieldErrors, refusal: error });
    }
  };
}
