import { readdirSync, readFileSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import { describe, expect, test } from "vitest"
import { ROOT } from "../scripts/lib/build"

const SRC = join(ROOT, "src")

/** Every source file of src/ (tests aside) with the src-relative paths it imports. */
function sourceFiles(): { file: string; text: string; imports: string[] }[] {
  const files = (readdirSync(SRC, { recursive: true }) as string[]).filter(
    (file) => file.endsWith(".ts") && !file.endsWith(".test.ts"),
  )
  return files.map((file) => {
    const text = readFileSync(join(SRC, file), "utf8")
    const imports = [
      ...text.matchAll(/^(?:import|export)[^"]*?from "(\.[^"]+)"/gm),
      ...text.matchAll(/^declare module "(\.[^"]+)"/gm),
    ].map((match) => relative(SRC, resolve(dirname(join(SRC, file)), match[1]!)))
    return { file, text, imports }
  })
}

const layer = (path: string) => path.split("/")[0]!
/** `modules/cart/service.ts` → "cart"; undefined outside a module's folder (the modules/index.ts and schema.ts that gather them). */
const moduleOf = (path: string) =>
  path.startsWith("modules/") && path.split("/").length > 2 ? path.split("/")[1] : undefined
const upward = (from: (file: string) => boolean, allowed: (file: string, target: string) => boolean) =>
  sourceFiles()
    .filter(({ file }) => from(file))
    .flatMap(({ file, imports }) =>
      imports
        .filter((target) => !target.startsWith("..") && !allowed(file, target))
        .map((target) => `${file} → ${target}`),
    )

describe("the layers point down only", () => {
  test("core/ imports nothing above it (only config, which stands beside it)", () => {
    const upward = sourceFiles()
      .filter(({ file }) => layer(file) === "core")
      .flatMap(({ file, imports }) =>
        imports.filter((target) => !["core", "config"].includes(layer(target))).map((target) => `${file} → ${target}`),
      )
    expect(upward).toEqual([])
  })

  test("a module imports core/, infra/, config/ and itself: never another module, a flow or a route", () => {
    const crossing = upward(
      (file) => moduleOf(file) !== undefined,
      (file, target) => ["core", "infra", "config"].includes(layer(target)) || moduleOf(target) === moduleOf(file),
    )
    expect(crossing).toEqual([])
  })

  test("flows import modules and the ground, never a route", () => {
    expect(
      upward(
        (file) => layer(file) === "flows",
        (_file, target) => layer(target) !== "http",
      ),
    ).toEqual([])
  })

  test("services are resolved by their typed names: no resolve<…>( generic in src/", () => {
    const generic = sourceFiles()
      .filter(({ file }) => file !== "core/container.ts")
      .flatMap(({ file, text }) =>
        text.split("\n").flatMap((line, i) => (/\.resolve<[^>]+>\(/.test(line) ? [`${file}:${i + 1}`] : [])),
      )
    expect(generic).toEqual([])
  })

  test("src/ stays runtime-neutral: no node: imports", () => {
    const node = sourceFiles()
      .filter(({ text }) => /from "node:/.test(text))
      .map(({ file }) => file)
    expect(node).toEqual([])
  })

  test("routes are thin: inputs declared, no transaction, no event, errors thrown as MedusaError", () => {
    const patterns: [string, RegExp][] = [
      ["reads its input inside the handler (declare body()/query()/params() instead)", /\bvalidate(Body|Query)\(/],
      ["opens a transaction (a flow's work)", /\btransaction\(/],
      ["emits an event (a flow's or a service's work)", /\bemitEvents?\(/],
      ["builds an error body inline (throw MedusaError)", /c\.json\(\{\s*type:[^}]*\bmessage\b/],
    ]
    const found = sourceFiles()
      .filter(({ file }) => layer(file) === "http" && !["http/health.ts"].includes(file))
      .flatMap(({ file, text }) =>
        text
          .split("\n")
          .flatMap((line, i) =>
            patterns.filter(([, pattern]) => pattern.test(line)).map(([what]) => `${file}:${i + 1} ${what}`),
          ),
      )
    expect(found).toEqual([])
  })
})
