// What is compared and committed of an API Extractor report.

/** The report with `file.d.ts:line:col` positions (in messages API Extractor cannot attach to a declaration)
 *  cut to `file.d.ts`: an edit elsewhere in the bundled .d.ts moves them without changing the API. */
export const normalizeReport = (text: string) => text.replace(/^(\/\/ \S+\.d\.c?ts):\d+:\d+ - /gm, '$1 - ');
