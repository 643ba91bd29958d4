import { inputRefusal, isStorableText, MAX_JSON_DEPTH } from './request-input-rules';

const nested = (depth: number): unknown => (depth === 0 ? 1 : { a: nested(depth - 1) });

describe('request input rules', () => {
  it('takes any text but control characters, noncharacters and lone surrogates', () => {
    for (const text of [
      '',
      'Khu công nghiệp Đông Phố Mới',
      'tab\there',
      'dòng 1\r\ndòng 2',
      '😀 🇻🇳',
      '\u200b\ufeff',
      "'; DROP TABLE x; --",
    ]) {
      expect(isStorableText(text)).toBe(true);
    }
    for (const text of ['a\u0000b', '\u0007', '\u001b[31m', '\u000b', '\uffff', '\ufffe', 'x\ud800', '\udc00y', '\ud83d\ud83d']) {
      expect(isStorableText(text)).toBe(false);
    }
  });

  it('names the field of a text it refuses, in bodies, arrays, keys and single parameters', () => {
    expect(inputRefusal({ production: { grossOutput: '1\u0000' } })).toMatchObject({
      status: 422,
      field: 'production.grossOutput',
      code: 'INVALID_CHARACTER',
    });
    expect(inputRefusal({ zoneCodes: ['BDH', 'x\ud800'] })).toMatchObject({ field: 'zoneCodes.1' });
    expect(inputRefusal({ 'na\u0000me': 'x' })).toMatchObject({ field: 'na\u0000me', code: 'INVALID_CHARACTER' });
    expect(inputRefusal('\u0000', 'taxCode')).toMatchObject({ field: 'taxCode' });
    expect(inputRefusal('\u0000')).toMatchObject({ field: '(body)' });
    expect(inputRefusal({ name: 'Công ty', n: 5, ok: true, none: null })).toBeNull();
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels with 400 naming the top-level field, without walking further`, () => {
    expect(inputRefusal(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(inputRefusal(nested(MAX_JSON_DEPTH + 1))).toMatchObject({ status: 400, field: 'a', code: 'TOO_DEEP' });
    const deep = JSON.parse(`{"taxCode":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect(inputRefusal(deep)).toMatchObject({ status: 400, field: 'taxCode', code: 'TOO_DEEP' });
    expect(inputRefusal(JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`))).toMatchObject({ field: '(body)' });
  });
});
