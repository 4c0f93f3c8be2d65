import * as z from 'zod/mini';
import type { FieldMeta } from './form-meta';
import { countWords } from './words';

/** Attaches what the form page needs to a field's schema; JSON Schema output carries it too. */
export function field<T extends z.ZodMiniType>(schema: T, meta: FieldMeta): T {
  z.globalRegistry.add(schema, meta);
  return schema;
}

export function requiredText(missing: string, maxLength: number, tooLong: string) {
  return z.string({ error: missing }).check(z.trim(), z.minLength(1, missing), z.maxLength(maxLength, tooLong));
}

export function optionalText(maxLength: number, tooLong: string) {
  return z.optional(z.string().check(z.trim(), z.maxLength(maxLength, tooLong)));
}

export function emailAddress(wrongFormat: string) {
  return z.email({ error: wrongFormat }).check(z.trim(), z.maxLength(254, 'Email address must be 254 characters or fewer'));
}

export function words(missing: string, maxWords: number, tooLong: string) {
  return z
    .string({ error: missing })
    .check(
      z.trim(),
      z.minLength(1, missing),
      z.maxLength(maxWords * 20, tooLong),
      z.refine((text: string) => countWords(text) <= maxWords, tooLong),
    );
}

export function choice<const T extends Record<string, string>>(options: T, missing: string) {
  const values = Object.keys(options) as [keyof T & string, ...(keyof T & string)[]];
  return z.enum(values, { error: missing });
}

/**
 * A rule across fields, reported against one of them: "answer this field when that one says so".
 * It runs even when other fields are wrong, so the person sees every error at once.
 */
export function answeredWhenNeeded<T>(field: keyof T & string, message: string, isSatisfied: (answers: T) => boolean) {
  return z.refine<T>(isSatisfied, { path: [field], message, when: () => true });
}
