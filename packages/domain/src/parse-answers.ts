import type { $ZodIssue } from 'zod/v4/core';
import { applicationAnswersSchema, applicationFields, type ApplicationAnswers } from './application-form';
import { ValidationError, type FieldError } from './errors';

/**
 * Spaces around an answer are never meant, and a blank answer means "not answered", whether it
 * comes from an empty form field or a JSON client.
 */
function normalised(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(input)
      .map(([name, value]) => [name, typeof value === 'string' ? value.trim() : value] as const)
      .filter(([, value]) => value !== ''),
  );
}

export function toFieldErrors(issues: readonly $ZodIssue[]): FieldError[] {
  const byField = new Map<string, string>();
  for (const issue of issues) {
    const field = issue.path.join('.');
    // The first problem with a field is the one to fix first; GOV.UK shows one message per field.
    if (!byField.has(field)) byField.set(field, issue.message);
  }
  return [...byField].map(([field, message]) => ({ field, message }));
}

/** Errors are listed in the order of the fields on the page, as GOV.UK's error summary asks. */
function inFormOrder(errors: FieldError[]): FieldError[] {
  const position = (field: string) => applicationFields.indexOf(field as never);
  return [...errors].sort((a, b) => position(a.field) - position(b.field));
}

export function parseApplicationAnswers(input: unknown): ApplicationAnswers {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ValidationError([{ field: '', message: 'Send the answers as a JSON object' }]);
  }
  const result = applicationAnswersSchema.safeParse(normalised(input as Record<string, unknown>));
  if (!result.success) throw new ValidationError(inFormOrder(toFieldErrors(result.error.issues)));
  const answers = result.data;
  // The kind of organisation is only asked of the voluntary and community sector.
  if (answers.sector === 'local-authority') delete answers.organisationKind;
  return answers;
}
