import { Type } from '@nestjs/common';
import { PartialType } from '@nestjs/swagger';
import type { FieldError } from './problem';

const NOT_NULLABLE = Symbol('notNullable');

/**
 * The body of a PATCH: every field of `create` may be left out, and null is checked like any value
 * (a plain PartialType lets it through, to fail on a NOT NULL column). The fields named in
 * `notNullable` may be left out but not set to null; the others, @IsOptional() in `create`, are
 * cleared by null.
 */
export function PatchType<T, K extends keyof T & string>(create: Type<T>, notNullable: readonly K[]): Type<Partial<T>> {
  const patch = PartialType(create, { skipNullProperties: false });
  // A static property: the PATCH DTO extending this class reads it through its prototype chain.
  Object.defineProperty(patch, NOT_NULLABLE, { value: notNullable });
  return patch;
}

/**
 * The fields of a body set to null that its PATCH type says may only be left out, as 422 errors.
 * (Checked apart from class-validator: a rule declared on the DTO would hide the rules it inherits.)
 */
export function nullsRefused(metatype: unknown, body: Record<string, unknown>): FieldError[] {
  const fields: readonly string[] = (metatype as { [NOT_NULLABLE]?: readonly string[] } | undefined)?.[NOT_NULLABLE] ?? [];
  return fields
    .filter((field) => body[field] === null)
    .map((field) => ({ field, code: 'NOT_NULLABLE', message: `${field} may be left out but not set to null` }));
}

/** `current` with the fields a PATCH body sets, null included; the fields it leaves out keep their value. */
export function applyPatch<T extends object>(current: T, body: object): T {
  return { ...current, ...Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) };
}
