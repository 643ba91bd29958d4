import type { Type } from '@nestjs/common';
import { createValidationPipe } from './validation.pipe';

// The very pipe that checks every request body: a body read from a page's form or a file's row is judged
// exactly as the same body in JSON.
const pipe = createValidationPipe();

/** `body` validated as a JSON request body of `metatype`: the DTO, or a Problem listing every bad field (thrown). */
export async function validateBody<T>(metatype: Type<T>, body: unknown): Promise<T> {
  return (await pipe.transform(body, { type: 'body', metatype, data: '' })) as T;
}
