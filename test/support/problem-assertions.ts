import { Reply } from './http-client';

/** Every refusal is RFC 9457 problem details with the given status. */
export function expectProblem(r: Reply, status: number): void {
  expect(r.status).toBe(status);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(r.body).toEqual(
    expect.objectContaining({
      type: expect.any(String),
      title: expect.any(String),
      status,
      detail: expect.any(String),
    }),
  );
}

/** A refusal that names the field that put the request out of bounds. */
export function expectFieldProblem(r: Reply, status: number, field: string, code?: string): void {
  expectProblem(r, status);
  expect(r.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, ...(code ? { code } : {}) })]));
}
