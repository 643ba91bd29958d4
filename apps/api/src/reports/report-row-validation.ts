import type { ArgumentMetadata } from '@nestjs/common';
import { FieldError, Problem } from '../common/problem';
import { createValidationPipe } from '../common/validation.pipe';
import { SubmitReportDto } from './dto/submit-report.dto';

// The very pipe and DTO that check POST /v1/reports: a row is judged exactly as the same report in JSON.
const pipe = createValidationPipe();
const REPORT_BODY: ArgumentMetadata = { type: 'body', metatype: SubmitReportDto, data: '' };

export type RowValidation = { readonly report: SubmitReportDto } | { readonly errors: readonly FieldError[] };

/** A report body read from a file row, validated as a JSON request body: the DTO, or every bad field with its code. */
export async function validateReportBody(body: Record<string, unknown>): Promise<RowValidation> {
  try {
    return { report: (await pipe.transform(body, REPORT_BODY)) as SubmitReportDto };
  } catch (error) {
    if (error instanceof Problem) return { errors: error.errors ?? [] };
    throw error;
  }
}
