import { getMetadataStorage, MetadataStorage, ValidationTypes } from 'class-validator';
import { ruleMeta } from './field-rules';
import type { FieldError } from './problem';

/** A field error with the status its kind of fault calls for (400 shape or type, 422 value). */
export type RatedFieldError = FieldError & { readonly status: 400 | 422 };

/** A body checked: the declared fields it holds, or every bad field. */
export type CompiledOutcome = { readonly value: Record<string, unknown> } | { readonly errors: RatedFieldError[] };

export type CompiledValidator = (body: Record<string, unknown>) => CompiledOutcome;

type ObjectCheck = (object: Record<string, unknown>, path: string, out: RatedFieldError[]) => Record<string, unknown>;

type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];
/** A DTO class: what decorators are given and class-validator keys its rules by. */
type DtoClass = abstract new (...args: never[]) => unknown;

const validators = new WeakMap<object, CompiledValidator>();

/**
 * The DTO's class-validator rules, compiled once when the class is declared into a plain function that
 * gives the very answers of the global ValidationPipe (class-transformer, then class-validator with
 * whitelist, forbidNonWhitelisted and stopAtFirstError, then the pipe's error mapping) without their
 * per-request metadata look-ups and copies. The decorators stay the one declaration of the rules; a
 * rule of a kind this compiler does not know fails at start-up rather than being skipped.
 * One difference, on purpose: an array where a nested object belongs is NOT_AN_OBJECT, as the message
 * says (class-validator checks each item instead, and an empty array passed with its figures lost).
 */
export function CompiledValidation(): ClassDecorator {
  return (target) => {
    const check = compileClass(target as unknown as DtoClass, new Map());
    validators.set(target, (body) => {
      const errors: RatedFieldError[] = [];
      const value = check(body, '', errors);
      return errors.length > 0 ? { errors } : { value };
    });
  };
}

/** The compiled validator of a DTO class marked @CompiledValidation(), if it is one. */
export function compiledValidator(metatype: unknown): CompiledValidator | undefined {
  return typeof metatype === 'function' ? validators.get(metatype) : undefined;
}

interface Rule {
  /** Passes when truthy, as class-validator takes it. */
  readonly test: (value: unknown) => unknown;
  readonly name: string;
  /** The default message with the property's name in it, e.g. "period must be a quarter…". */
  readonly message: string;
}

/**
 * Keys dropped before any rule sees them: Nest strips __proto__, prototype and constructor, and
 * class-transformer copies no key that an instance of the class already holds as a function (toString,
 * valueOf…). Neither is an unknown field then, and neither reaches the handler.
 */
function isDroppedKey(prototype: object, key: string): boolean {
  return key === '__proto__' || key === 'prototype' || typeof (prototype as Record<string, unknown>)[key] === 'function';
}

function compileClass(target: DtoClass, compiled: Map<DtoClass, ObjectCheck>): ObjectCheck {
  const known = compiled.get(target);
  if (known) return known;
  const ownKeys = Object.getOwnPropertyNames(target.prototype).filter((key) => key !== 'constructor');
  if (ownKeys.length > 0)
    throw new Error(`${target.name}: compiled validation takes plain DTOs, not methods or accessors (${ownKeys.join(', ')})`);
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(target, '', false, false, undefined);
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const m of metadatas) byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
  // Filled in below, so that a class nested in itself reaches this entry instead of recursing forever.
  const checks: Array<(object: Record<string, unknown>, path: string, out: RatedFieldError[], result: Record<string, unknown>) => void> =
    [];
  const check: ObjectCheck = (object, path, out) => {
    for (const key of Object.keys(object)) {
      if (!byProperty.has(key) && !isDroppedKey(target.prototype as object, key)) {
        const field = path ? `${path}.${key}` : key;
        out.push({ field, code: 'UNKNOWN_FIELD', message: `${field} is not a known field`, status: 400 });
      }
    }
    const result: Record<string, unknown> = {};
    for (const c of checks) c(object, path, out, result);
    return result;
  };
  compiled.set(target, check);
  for (const [property, list] of byProperty) checks.push(compileProperty(target, property, list, compiled));
  return check;
}

function compileProperty(
  target: DtoClass,
  property: string,
  metadatas: readonly ValidationMetadata[],
  compiled: Map<DtoClass, ObjectCheck>,
): (object: Record<string, unknown>, path: string, out: RatedFieldError[], result: Record<string, unknown>) => void {
  for (const m of metadatas) {
    // (A nested object's message is class-validator's own; the API's replaces it.)
    const message = m.type === ValidationTypes.NESTED_VALIDATION ? undefined : m.message;
    if (m.each || message || m.validateIf || m.context || m.always || (m.groups && m.groups.length > 0))
      throw new Error(`${target.name}.${property}: compiled validation takes rules without options`);
  }
  const ofType = (type: string) => metadatas.filter((m) => m.type === type);
  const known = [
    ValidationTypes.CONDITIONAL_VALIDATION,
    ValidationTypes.IS_DEFINED,
    ValidationTypes.CUSTOM_VALIDATION,
    ValidationTypes.NESTED_VALIDATION,
    ValidationTypes.WHITELIST,
  ];
  const unknown = metadatas.find((m) => !known.includes(m.type));
  if (unknown) throw new Error(`${target.name}.${property}: compiled validation does not know rules of type ${unknown.type}`);
  const conditions = ofType(ValidationTypes.CONDITIONAL_VALIDATION).map(
    (m) => m.constraints[0] as (object: Record<string, unknown>, value: unknown) => boolean,
  );
  // IsDefined first, then the other rules in the order they were declared (bottom-up); the first broken one counts.
  const rules = [...ofType(ValidationTypes.IS_DEFINED), ...ofType(ValidationTypes.CUSTOM_VALIDATION)].flatMap((m) =>
    compileRules(target, property, m),
  );
  const nestedClass = ofType(ValidationTypes.NESTED_VALIDATION).length > 0 ? nestedType(target, property) : null;
  const nested = nestedClass ? compileClass(nestedClass, compiled) : null;

  return (object, path, out, result) => {
    const value = object[property];
    if (value !== undefined) result[property] = value;
    for (const condition of conditions) if (!condition(object, value)) return;
    const field = path ? `${path}.${property}` : property;
    for (const rule of rules) {
      if (rule.test(value)) continue;
      out.push(ruleError(rule, property, field, value));
      return;
    }
    if (!nested || value === undefined) return;
    if (value === null) out.push({ field, code: 'REQUIRED', message: `${field} is required`, status: 400 });
    else if (typeof value !== 'object' || Array.isArray(value))
      out.push({ field, code: 'NOT_AN_OBJECT', message: `${field} must be a JSON object`, status: 400 });
    else result[property] = nested(value as Record<string, unknown>, field, out);
  };
}

/** A broken rule as the API names it: missing, a text rule given another type, or the rule's own code. */
function ruleError(rule: Rule, property: string, field: string, value: unknown): RatedFieldError {
  if (value === undefined || value === null) return { field, code: 'REQUIRED', message: `${field} is required`, status: 400 };
  const meta = ruleMeta(rule.name);
  // A text rule runs before IsText (decorators apply bottom-up): a value of another type is a type error.
  if (meta.text && typeof value !== 'string') return { field, code: 'NOT_A_STRING', message: `${field} must be a string`, status: 400 };
  return { field, code: meta.code, message: rule.message.replace(property, field), status: meta.status };
}

function compileRules(target: DtoClass, property: string, m: ValidationMetadata): Rule[] {
  return getMetadataStorage()
    .getTargetValidatorConstraints(m.constraintCls)
    .map((constraint) => {
      const instance = constraint.instance as {
        validate(value: unknown, args?: unknown): boolean;
        defaultMessage?(args: unknown): string;
      };
      if (constraint.async) throw new Error(`${target.name}.${property}: compiled validation takes no asynchronous rules`);
      // Rules of the value alone (every rule() and IsDefined): they get no object, and one set of arguments for all calls.
      const args = { targetName: target.name, property, object: undefined, value: undefined, constraints: m.constraints };
      const message = (instance.defaultMessage?.(args) ?? '').replace(/\$property/g, property);
      // A message that names the value or the rule's arguments would differ per request.
      if (message.includes('$')) throw new Error(`${target.name}.${property}: compiled validation takes fixed messages (${message})`);
      return { test: (value: unknown) => instance.validate(value, args), name: constraint.name, message };
    });
}

/** The class a @ValidateNested() property holds, from its declared TypeScript type. */
function nestedType(target: DtoClass, property: string): DtoClass {
  const type = Reflect.getMetadata('design:type', target.prototype as object, property) as unknown;
  if (typeof type !== 'function' || getMetadataStorage().getTargetValidationMetadatas(type, '', false, false, undefined).length === 0)
    throw new Error(`${target.name}.${property}: a nested DTO needs its class as the property's type`);
  return type as DtoClass;
}
