import { describe, expect, test } from "vitest"
import { DEFAULT_MIME_TYPES, resolveFileModule } from "./file-module"

const MB = 1024 * 1024
const bucket = { put: async () => ({}), get: async () => null, delete: async () => {} }
const r2 = (options: Record<string, unknown>) => ({
  resolve: "@medusajs/medusa/file",
  options: { providers: [{ resolve: "r2", id: "r2", options }] },
})

/** The module and the issues it was resolved with. */
function resolve(
  input: Parameters<typeof resolveFileModule>[0],
  env: Record<string, unknown> = {},
  isProduction = false,
) {
  const issues: { path: string; message: string }[] = []
  const module = resolveFileModule(input, { isProduction, env }, issues)
  return { module, issues: issues.map((i) => `${i.path}: ${i.message}`) }
}

describe("modules.file", () => {
  test("unset is the local provider with 10 MB files of the dashboard's image and import types, no SVG", () => {
    const { module, issues } = resolve(undefined)
    expect(issues).toEqual([])
    expect(module).toMatchObject({
      provider: "local",
      max_file_size: 10 * MB,
      backend_url: undefined,
      bucket: undefined,
    })
    expect(module.allowed_mime_types).toEqual(DEFAULT_MIME_TYPES)
    expect(module.allowed_mime_types).toEqual(expect.arrayContaining(["image/png", "image/jpeg", "text/csv"]))
    expect(module.allowed_mime_types).not.toContain("image/svg+xml")
    expect(module.max_request_size).toBeGreaterThanOrEqual(module.max_file_size)
  })

  test("Medusa's file-local with its backend_url; limits from environment strings", () => {
    const { module, issues } = resolve({
      resolve: "@medusajs/medusa/file",
      options: {
        max_file_size: "2048",
        allowed_mime_types: "image/png, image/svg+xml",
        providers: [
          {
            resolve: "@medusajs/medusa/file-local",
            id: "local",
            options: { backend_url: "https://api.example.com/static/", upload_dir: "static" },
          },
        ],
      },
    })
    expect(issues).toEqual([])
    expect(module).toMatchObject({
      provider: "local",
      max_file_size: 2048,
      allowed_mime_types: ["image/png", "image/svg+xml"],
      backend_url: "https://api.example.com/static",
    })
  })

  test("r2 takes its bucket from the Worker env", () => {
    const { module, issues } = resolve(r2({ binding: "FILES", public_url: "https://files.example.com" }), {
      FILES: bucket,
    })
    expect(issues).toEqual([])
    expect(module).toMatchObject({ provider: "r2", bucket, public_url: "https://files.example.com" })
  })

  test("production refuses an r2 binding the Worker does not have; scripts (no bindings) outside production do not", () => {
    expect(resolve(r2({ binding: "FILES" }), {}, true).issues).toEqual([
      expect.stringMatching(
        /^modules\.file\.options\.providers\.0\.options\.binding: the Worker has no R2 bucket bound as FILES/,
      ),
    ])
    expect(resolve(r2({ binding: "FILES" }), { FILES: "not a bucket" }, true).issues).toHaveLength(1)
    const dev = resolve(r2({ binding: "FILES" }), {})
    expect(dev.issues).toEqual([])
    expect(dev.module).toMatchObject({ provider: "r2", bucket: undefined })
  })

  test("mistakes are named", () => {
    const cases: [Parameters<typeof resolveFileModule>[0], RegExp][] = [
      [{ resolve: "@medusajs/medusa/file", options: { max_file_size: "ten" } }, /max_file_size/],
      [{ resolve: "@medusajs/medusa/file", options: { max_file_size: -1 } }, /max_file_size/],
      [
        { resolve: "@medusajs/medusa/file", options: { allowed_mime_types: ["png"] } },
        /allowed_mime_types\.0: must be a MIME type/,
      ],
      [{ resolve: "@medusajs/medusa/file", options: { backend_url: "/static" } }, /backend_url: must be an absolute/],
      [{ resolve: "@medusajs/medusa/file", options: { max_size: 1 } }, /max_size/],
      [
        { resolve: "@medusajs/medusa/file", options: { max_file_size: 20 * MB, max_request_size: MB } },
        /max_request_size: must be at least max_file_size/,
      ],
      [
        { resolve: "@medusajs/medusa/file", options: { providers: [{ resolve: "@medusajs/file-s3", id: "s3" }] } },
        /"@medusajs\/file-s3" is not a file provider/,
      ],
      [r2({}), /binding/],
      [r2({ binding: "FILES", public_url: "files.example.com" }), /public_url: must be an absolute/],
      [
        {
          resolve: "@medusajs/medusa/file",
          options: {
            providers: [
              { resolve: "r2", id: "a", options: { binding: "A" } },
              { resolve: "r2", id: "b", options: { binding: "B" } },
            ],
          },
        },
        /one provider/,
      ],
    ]
    for (const [input, message] of cases) {
      const { issues } = resolve(input, { FILES: bucket })
      expect(issues.join("\n")).toMatch(message)
    }
  })
})
