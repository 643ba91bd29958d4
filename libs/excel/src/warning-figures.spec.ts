import { warningFigures } from './warning-figures';

describe('warningFigures', () => {
  it('shows a late report with its receipt and the due instant', () => {
    const late = warningFigures({
      code: 'LATE',
      field: 'period',
      message: 'late',
      details: { receivedAt: '2025-10-12T09:00:00.000+07:00', dueAt: '2025-10-10T00:00:00.000+07:00' },
    });
    expect(late).toMatchObject({ value: '2025-10-12T09:00:00.000+07:00', reference: '2025-10-10T00:00:00.000+07:00', unit: 'dateTime' });
    expect(late.explanationVi).toMatch(/^Báo cáo nhận lần đầu từ thời hạn nộp trở đi/);
  });

  it('tells a change of output (money) from a change of workers (people) by the field', () => {
    const output = warningFigures({
      code: 'OUTLIER_CHANGE',
      field: 'production.grossOutput',
      message: 'changed',
      details: { current: '3000000000', previous: '1000000000', comparedPeriod: '2024-Q3', changePct: 200 },
    });
    expect(output).toMatchObject({ value: '3000000000', reference: '1000000000', unit: 'millionDong', changePct: 200 });
    expect(output.explanationVi).toBe('Giá trị sản xuất công nghiệp thay đổi 200% so với quý III/2024, quá 50%');
  });

  it('compares output at 2010 prices with output at current prices', () => {
    expect(
      warningFigures({
        code: 'CONSTANT_ABOVE_CURRENT',
        message: 'above',
        details: { grossOutputConstant2010: '12', grossOutput: '10' },
      }),
    ).toMatchObject({ value: '12', reference: '10', unit: 'millionDong' });
  });

  it('falls back to the message when a warning has no details to show', () => {
    expect(warningFigures({ code: 'LATE', message: 'The 2025-Q3 report was first received late.' })).toEqual({
      explanationVi: 'The 2025-Q3 report was first received late.',
      unit: 'text',
    });
  });
});
