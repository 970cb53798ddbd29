import type { ZodError } from "zod"

/** One line per problem, naming the field, as Medusa's validator reports them. */
export function formatZodError(error: ZodError): string {
  return error.issues
    .map((issue) => {
      if (issue.code === "unrecognized_keys") {
        const where = issue.path.length ? ` in '${issue.path.join(".")}'` : ""
        return `Unrecognized fields${where}: ${issue.keys.map((key) => `'${key}'`).join(", ")}`
      }
      return issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message
    })
    .join("\n")
}
