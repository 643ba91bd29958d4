import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { compiledValidator, RatedFieldError } from './compiled-validation';
import { Problem } from './problem';
import { ruleMeta } from './field-rules';
import { nullsRefused } from './patch-type';
import { inputRefusal } from './request-input-rules';

function collect(errors: ValidationError[], parent: string, out: RatedFieldError[]): void {
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    if (e.constraints) {
      const names = Object.keys(e.constraints);
      if (names.includes('whitelistValidation')) {
        out.push({ field, code: 'UNKNOWN_FIELD', message: `${field} is not a known field`, status: 400 });
      } else if (e.value === undefined || e.value === null) {
        out.push({ field, code: 'REQUIRED', message: `${field} is required`, status: 400 });
      } else if (ruleMeta(names[0]).text && typeof e.value !== 'string') {
        // A text rule ran before IsText (see RuleMeta.text): the value is of the wrong type.
        out.push({ field, code: 'NOT_A_STRING', message: `${field} must be a string`, status: 400 });
      } else {
        const meta = ruleMeta(names[0]);
        const message =
          meta.code === 'NOT_AN_OBJECT' ? `${field} must be a JSON object` : e.constraints[names[0]].replace(e.property, field);
        out.push({ field, code: meta.code, message, status: meta.status });
      }
    }
    if (e.children?.length) collect(e.children, field, out);
  }
}

export function fieldErrorsToProblem(errors: ValidationError[]): Problem {
  const found: RatedFieldError[] = [];
  collect(errors, '', found);
  return ratedErrorsToProblem(found);
}

/** Lists every bad field; 400 when the shape or a type is wrong, 422 when only values break rules. */
function ratedErrorsToProblem(found: readonly RatedFieldError[]): Problem {
  const status = found.some((f) => f.status === 400) ? 400 : 422;
  const list = found.map(({ field, code, message }) => ({ field, code, message }));
  const detail = status === 400 ? 'The request does not have the expected shape or types.' : 'Some values break the rules.';
  return new Problem(status, `${detail} ${list.length} field(s) to fix.`, list);
}

/** How class-validator checks request values; the compiled validators give the same answers. */
const VALIDATION_OPTIONS = {
  transform: true,
  whitelist: true,
  forbidNonWhitelisted: true,
  stopAtFirstError: true,
  validationError: { target: false, value: true },
  exceptionFactory: fieldErrorsToProblem,
};

/**
 * Every body, query and path parameter is first walked for what no field may hold (a NUL, a lone
 * surrogate, nesting deep enough to exhaust class-transformer's recursion); a JSON body must then be
 * an object, and a PATCH body may not set a required field to null, before its fields are checked:
 * by its compiled validator if its DTO has one (@CompiledValidation()), else by class-validator.
 */
class BodyValidationPipe extends ValidationPipe {
  constructor(private readonly useCompiled: boolean) {
    super(VALIDATION_OPTIONS);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const refusal = metadata.type === 'custom' ? null : inputRefusal(value, metadata.data);
    if (refusal)
      throw new Problem(refusal.status, refusal.message, [{ field: refusal.field, code: refusal.code, message: refusal.message }]);
    if (
      metadata.type === 'body' &&
      metadata.metatype &&
      metadata.metatype !== Object &&
      (typeof value !== 'object' || value === null || Array.isArray(value))
    ) {
      throw Problem.field(400, '(body)', 'NOT_AN_OBJECT', 'the request body must be a JSON object');
    }
    const nulls = metadata.type === 'body' ? nullsRefused(metadata.metatype, value as Record<string, unknown>) : [];
    if (nulls.length > 0) throw Problem.unprocessable(`Some values break the rules. ${nulls.length} field(s) to fix.`, nulls);
    const compiled = metadata.type === 'body' && this.useCompiled ? compiledValidator(metadata.metatype) : undefined;
    if (!compiled) return super.transform(value, metadata);
    const outcome = compiled(value as Record<string, unknown>);
    if ('errors' in outcome) throw ratedErrorsToProblem(outcome.errors);
    return outcome.value;
  }
}

/** The pipe of every request; `compiled: false` checks every DTO with class-validator (the reference of the compiled ones). */
export function createValidationPipe({ compiled = true } = {}): ValidationPipe {
  return new BodyValidationPipe(compiled);
}
