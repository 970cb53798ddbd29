/** One entry of a CORS list: an exact origin or a `/pattern/flags` regular expression. */
export type OriginRule = string | RegExp

// Medusa's notation for a regular expression inside a comma-separated origin list.
const REGEX_ENTRY = /^([/~@;%#'])(.*?)\1([gimsuy]*)$/

/**
 * Parses `"http://a.com,/\.b\.com$/i"` into rules; returns the messages of entries it cannot use.
 */
export function parseOriginList(list: string): { rules: OriginRule[]; problems: string[] } {
  const rules: OriginRule[] = []
  const problems: string[] = []
  for (const raw of list.split(",")) {
    const entry = raw.trim()
    if (!entry) continue
    if (entry === "*") {
      problems.push(`"*" is not allowed with credentials; write /.*/ to allow every origin`)
      continue
    }
    const regex = REGEX_ENTRY.exec(entry)
    if (!regex) {
      rules.push(entry.replace(/\/+$/, ""))
      continue
    }
    try {
      // `g` and `y` make RegExp#test stateful, which would let every other request through.
      rules.push(new RegExp(regex[2]!, regex[3]!.replace(/[gy]/g, "")))
    } catch (error) {
      problems.push(`${entry} is not a valid regular expression (${(error as Error).message})`)
    }
  }
  return { rules, problems }
}

export function originAllowed(rules: readonly OriginRule[], origin: string): boolean {
  return rules.some((rule) => (typeof rule === "string" ? rule === origin : rule.test(origin)))
}
