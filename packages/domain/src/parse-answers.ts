import type * as z from 'zod/mini';
import type { $ZodIssue } from 'zod/v4/core';
import { applicationAnswersSchema, type ApplicationAnswers } from './application-form';
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

/**
 * Validates input against an object schema, or throws a ValidationError listing every problem in
 * the order of the fields on the page, as GOV.UK's error summary asks.
 */
export function parseInput<T extends z.ZodMiniObject>(schema: T, input: unknown): z.infer<T> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ValidationError([{ field: '', message: 'Send the answers as a JSON object' }]);
  }
  const result = schema.safeParse(normalised(input as Record<string, unknown>));
  if (result.success) return result.data;
  const order = Object.keys(schema.shape);
  const errors = toFieldErrors(result.error.issues).sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  throw new ValidationError(errors);
}

export function parseApplicationAnswers(input: unknown): ApplicationAnswers {
  const answers = parseInput(applicationAnswersSchema, input);
  // The kind of organisation is only asked of the voluntary and community sector.
  if (answers.sector === 'local-authority') delete answers.organisationKind;
  return answers;
}
