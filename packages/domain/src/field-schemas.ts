import * as z from 'zod/mini';
import type { FieldMeta } from './form-meta';
import { countWords } from './words';

/** Attaches what the form page needs to a field's schema; JSON Schema output carries it too. */
export function field<T extends z.ZodMiniType>(schema: T, meta: FieldMeta): T {
  z.globalRegistry.add(schema, meta);
  return schema;
}

/**
 * One rule for every free-text answer: stored as composed Unicode (NFC), so the same words are
 * stored the same way however they were typed; no control characters or broken characters (lone
 * surrogates), which no person types and which break emails, CSV files and terminals; and not
 * blank once invisible characters (zero-width spaces, joiners, soft hyphens) are set aside.
 */
const INVISIBLE = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]/gu;
const CONTROL_IN_A_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/u;
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const UNUSABLE = 'Remove the control characters or broken characters from this answer';

const visible = (text: string) => text.replace(INVISIBLE, '').trim() !== '';
// With the u flag, this class matches a surrogate only when it stands alone.
const BROKEN = /[\uD800-\uDFFF]/u;
const usable = (control: RegExp) => (text: string) => !BROKEN.test(text) && !control.test(text);

/** A one-line answer, such as a name: no line breaks either. */
export function requiredText(missing: string, maxLength: number, tooLong: string) {
  return z
    .string({ error: missing })
    .check(z.normalize('NFC'), z.trim(), z.refine(usable(CONTROL_IN_A_LINE), UNUSABLE), z.refine(visible, missing), z.maxLength(maxLength, tooLong));
}

export function optionalText(maxLength: number, tooLong: string) {
  return z.optional(z.string().check(z.normalize('NFC'), z.trim(), z.refine(usable(CONTROL_IN_TEXT), UNUSABLE), z.maxLength(maxLength, tooLong)));
}

export function emailAddress(wrongFormat: string) {
  return z.email({ error: wrongFormat }).check(z.trim(), z.maxLength(254, 'Email address must be 254 characters or fewer'));
}

export function words(missing: string, maxWords: number, tooLong: string) {
  return z
    .string({ error: missing })
    .check(
      z.normalize('NFC'),
      z.trim(),
      z.refine(usable(CONTROL_IN_TEXT), UNUSABLE),
      z.refine(visible, missing),
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
