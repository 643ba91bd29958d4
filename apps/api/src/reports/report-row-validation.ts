import { validateBody } from '../common/body-validation';
import { FieldError, Problem } from '../common/problem';
import { SubmitReportDto } from './dto/submit-report.dto';

export type RowValidation = { readonly report: SubmitReportDto } | { readonly errors: readonly FieldError[] };

/** A report body read from a file row, validated as a JSON request body: the DTO, or every bad field with its code. */
export async function validateReportBody(body: Record<string, unknown>): Promise<RowValidation> {
  try {
    return { report: await validateBody(SubmitReportDto, body) };
  } catch (error) {
    if (error instanceof Problem) return { errors: error.errors ?? [] };
    throw error;
  }
}
