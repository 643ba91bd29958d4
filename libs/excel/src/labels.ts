/** Workbooks are written in Vietnamese (with an English header row) or in English. */
export type WorkbookLanguage = 'vi' | 'en';

export const WORKBOOK_LANGUAGES: readonly WorkbookLanguage[] = ['vi', 'en'];

/** A text in both languages of the workbook. */
export interface Label {
  readonly vi: string;
  readonly en: string;
}

/** The languages of the header rows, top down: a Vietnamese workbook repeats its headers in English for readers outside the province. */
export function headerLanguages(language: WorkbookLanguage): readonly WorkbookLanguage[] {
  return language === 'vi' ? ['vi', 'en'] : ['en'];
}

/** The same text in both languages (names, codes). */
export function untranslated(text: string): Label {
  return { vi: text, en: text };
}
