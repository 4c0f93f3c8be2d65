import * as z from 'zod/mini';
import type { $ZodShape } from 'zod/v4/core';
import type { FieldMeta } from './form-meta';

export function metaOf(schema: z.ZodMiniType): FieldMeta {
  return z.globalRegistry.get(schema) as FieldMeta;
}

/**
 * A posted form as the input a schema reads: a ticked checkbox means true, a number field's value
 * is a number, anything else stays as typed. The API takes the same input as JSON.
 */
export function inputFromForm(shape: $ZodShape, form: Record<string, string | undefined>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(shape).map(([name, schema]) => {
      const meta = metaOf(schema as z.ZodMiniType);
      const value = form[name];
      if (meta?.['x-input'] === 'checkbox') return [name, value === 'yes' || undefined];
      if (meta?.['x-number'] && value !== undefined && /^\d+$/u.test(value)) return [name, Number(value)];
      return [name, value];
    }),
  );
}
