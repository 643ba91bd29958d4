import { dataException } from './data-exception';

describe('PostgreSQL data exceptions', () => {
  it('recognises SQLSTATE class 22 from pg and from TypeORM errors, keeping the value out of the detail', () => {
    const fromPg = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
    const fromTypeorm = Object.assign(new Error('bigint out of range'), { driverError: { code: '22003' } });
    const cast = { code: '22P02', message: 'invalid input syntax for type uuid: "x"' };
    expect([fromPg, fromTypeorm, cast].map((e) => dataException(e)?.sqlState)).toEqual(['22021', '22003', '22P02']);
    expect(dataException(cast)).toEqual({
      sqlState: '22P02',
      detail: expect.stringContaining('22P02'),
      logLine: expect.stringContaining('invalid input syntax for type uuid'),
    });
    expect(dataException(cast)!.detail).not.toContain('"x"');
  });

  it('leaves every other error to the filter', () => {
    for (const error of [
      new Error('x'),
      { code: '23505' },
      { code: 'ECONNREFUSED' },
      { driverError: { code: '57014' } },
      { code: 22021 },
      null,
      undefined,
      'text',
    ]) {
      expect(dataException(error)).toBeNull();
    }
  });
});
