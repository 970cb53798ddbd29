import Papa from "papaparse"

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first, on any line
 * count), or one already quoted before such a character: written with one more leading quote.
 */
const FORMULA = /^'*[=+\-@\t\r]/
/** A cell `toCsv` guarded: one leading quote too many before a formula character. */
const GUARDED = /^'+[=+\-@\t\r]/

/** Rows as CSV (CRLF, quoted where needed), every formula-like cell guarded so opening the file runs nothing. */
export function toCsv(fields: readonly string[], rows: string[][]): string {
  return Papa.unparse({ fields: [...fields], data: rows }, { escapeFormulae: FORMULA, newline: "\r\n" })
}

/** A cell as it was before `toCsv` guarded it. */
export const unguarded = (value: string) => (GUARDED.test(value) ? value.slice(1) : value)
