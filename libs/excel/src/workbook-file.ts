export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 'tong-hop-kcn-2024.xlsx', 'tong-hop-kcn-2025-q1-2025-q3.xlsx': ASCII, so no header encoding is needed. */
export function summaryWorkbookFileName(period: string): string {
  return `tong-hop-kcn-${period.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.xlsx`;
}
