import { fieldPath, REPORT_FIELDS, ReportField } from '@app/domain';
import type { Language } from './formats';

/** A report field's short name, as the form labels it, in the page's language. */
export function fieldName(f: ReportField, lang: Language): string {
  return lang === 'vi' ? f.nameVi : f.nameEn;
}

const BY_PATH = new Map(REPORT_FIELDS.map((f) => [fieldPath(f), f]));

/** The short name of the field at `path` (`employment.femaleWorkers`); the path itself for anything else. */
export function fieldNameOfPath(path: string, lang: Language): string {
  const f = BY_PATH.get(path);
  return f ? fieldName(f, lang) : path;
}
