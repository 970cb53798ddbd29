import Medusa from "@medusajs/js-sdk"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest"
import { createAdminUser } from "../scripts/lib/create-user"
import { refusal } from "./helpers/sdk-admin"
import { testConfig } from "./helpers/services"
import { startWorker, type TestWorker } from "./helpers/worker"

type Json = Record<string, any>
// The sdk's upload.create checks `body instanceof FileList`, a browser global Node lacks.
;(globalThis as { FileList?: unknown }).FileList ??= class FileList {}
const run = Date.now().toString(36)
const EMAIL = `uploads-${run}@example.com`
/** Small limits, so that "too large" needs only a few kilobytes. */
const LIMITS = { FILE_MAX_SIZE: "4096", FILE_MAX_REQUEST_SIZE: "16384" }
const PNG = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
  (ch) => ch.charCodeAt(0),
)
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 0xff, 0xd9])
const bytesOf = (size: number, fill = 7) => new Uint8Array(size).fill(fill)

interface Session {
  worker: TestWorker
  sdk: Medusa
  token: string
}
let db: pg.Client
const local = {} as Session
const r2 = {} as Session

async function open(session: Session, bindings: Record<string, string>, r2Buckets?: string[]) {
  session.worker = await startWorker({ ...LIMITS, ...bindings }, { listen: true, r2Buckets })
  session.sdk = new Medusa({ baseUrl: session.worker.url, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
  session.token = (await session.sdk.auth.login("user", "emailpass", { email: EMAIL, password: "admin-pw" })) as string
}

beforeAll(async () => {
  db = new pg.Client({ connectionString: inject("databaseUrl") })
  await db.connect()
  await createAdminUser(testConfig(), { email: EMAIL, password: "admin-pw" })
  await Promise.all([open(local, {}), open(r2, { FILE_R2_BINDING: "FILES" }, ["FILES"])])
})
afterAll(async () => {
  await Promise.all([local.worker?.dispose(), r2.worker?.dispose()])
  await db?.end()
})

/** What is stored: file rows, local blobs and the R2 bucket's objects. */
async function stored() {
  const count = async (table: string) => (await db.query(`select count(*)::int as n from ${table}`)).rows[0].n as number
  return {
    files: await count("file"),
    blobs: await count("file_blob"),
    objects: (await r2.worker.r2Keys("FILES")).length,
  }
}

/** A raw request to a session's Worker over HTTP, as the admin unless `token` is "". */
async function send(session: Session, method: string, path: string, init: RequestInit = {}, token = session.token) {
  const res = await fetch(`${session.worker.url}${path}`, {
    ...init,
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) },
  })
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Json }
}

const form = (...files: File[]) => {
  const data = new FormData()
  for (const f of files) data.append("files", f)
  return data
}

async function expectServed(url: string, bytes: Uint8Array, type: string) {
  const res = await fetch(url)
  expect(res.status).toBe(200)
  expect(res.headers.get("content-type")).toBe(type)
  expect(res.headers.get("x-content-type-options")).toBe("nosniff")
  expect(res.headers.get("content-security-policy")).toMatch(/sandbox/)
  expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes)
  return res
}

describe("POST /admin/uploads (local provider: bytes in Postgres)", () => {
  test("two files upload through the sdk; each URL is absolute and serves exactly its bytes", async () => {
    const before = await stored()
    const { files } = await local.sdk.admin.upload.create({
      files: [
        new File([PNG], "Summer photo.png", { type: "image/png" }),
        new File([JPEG], "b.jpg", { type: "image/jpeg" }),
      ],
    })
    expect(files).toEqual([
      { id: expect.stringMatching(/^file_[0-9A-Z]{26}-Summer-photo\.png$/), url: expect.any(String) },
      { id: expect.stringMatching(/^file_[0-9A-Z]{26}-b\.jpg$/), url: expect.any(String) },
    ])
    expect(files[0]!.url).toBe(`${local.worker.url}/static/${files[0]!.id}`)
    const png = await expectServed(files[0]!.url, PNG, "image/png")
    expect(png.headers.get("cache-control")).toMatch(/max-age=\d+/)
    expect(png.headers.get("content-disposition")).toBe('inline; filename="Summer photo.png"')
    await expectServed(files[1]!.url, JPEG, "image/jpeg")

    const rows = (
      await db.query("select * from file where id = any($1) order by array_position($1, id)", [
        files.map((f: Json) => f.id),
      ])
    ).rows
    expect(rows.map((r) => [r.provider_id, r.mime_type, r.size])).toEqual([
      ["local", "image/png", PNG.length],
      ["local", "image/jpeg", JPEG.length],
    ])
    expect(await stored()).toEqual({ ...before, files: before.files + 2, blobs: before.blobs + 2 })

    const { file } = await local.sdk.admin.upload.retrieve(files[0]!.id)
    expect(file).toEqual(files[0])
  })

  test("a file over max_file_size, or a body over max_request_size, is refused and nothing is stored", async () => {
    const before = await stored()
    const small = new File([PNG], "ok.png", { type: "image/png" })
    const big = refusal(
      local.sdk.admin.upload.create({ files: [small, new File([bytesOf(4097)], "big.png", { type: "image/png" })] }),
    )
    expect(await big).toMatchObject({
      status: 400,
      message: expect.stringMatching(/big\.png is 4097 bytes, more than the 4096/),
    })
    const body = await send(local, "POST", "/admin/uploads", {
      body: form(...[1, 2, 3, 4, 5].map((i) => new File([bytesOf(4000, i)], `${i}.png`, { type: "image/png" }))),
    })
    expect(body.status).toBe(413)
    expect(body.body).toEqual({ type: "invalid_data", message: expect.stringMatching(/larger than 16384 bytes/) })
    expect(await stored()).toEqual(before)
    // Exactly the limit is allowed.
    const edge = await local.sdk.admin.upload.create({
      files: [new File([bytesOf(4096)], "edge.png", { type: "image/png" })],
    })
    await local.sdk.admin.upload.delete(edge.files[0]!.id)
    expect(await stored()).toEqual(before)
  })

  test("a type not allowed (SVG, HTML, none) is refused and nothing is stored", async () => {
    const before = await stored()
    const ok = new File([PNG], "ok.png", { type: "image/png" })
    for (const [name, type] of [
      ["logo.svg", "image/svg+xml"],
      ["page.html", "text/html"],
      ["blob.bin", ""],
    ] as const) {
      const refused = await refusal(
        local.sdk.admin.upload.create({ files: [ok, new File(["<svg/>"], name, { type })] }),
      )
      expect(refused.status).toBe(400)
      expect(refused.message).toMatch(new RegExp(`${name.replace(".", "\\.")}: type .* is not allowed`))
    }
    // The sdk's `{ name, content }` form is sent as text/plain.
    expect((await refusal(local.sdk.admin.upload.create({ files: [{ name: "a.txt", content: "hi" }] }))).status).toBe(
      400,
    )
    expect(await stored()).toEqual(before)
  })

  test("no files, other fields, JSON, a broken multipart body: 400 invalid_data, never a 500", async () => {
    const before = await stored()
    const cases: [RequestInit, RegExp][] = [
      [{ body: form() }, /No files were uploaded/],
      [
        {
          body: (() => {
            const f = new FormData()
            f.append("files", "text")
            return f
          })(),
        },
        /files must be files/,
      ],
      [
        {
          body: (() => {
            const f = new FormData()
            f.append("image", new File([PNG], "a.png", { type: "image/png" }))
            return f
          })(),
        },
        /Unexpected file field: image/,
      ],
      [
        { body: JSON.stringify({ files: [] }), headers: { "content-type": "application/json" } },
        /multipart\/form-data/,
      ],
      [{}, /multipart\/form-data/],
      [
        {
          body: '--x\r\nContent-Disposition: form-data; name="files"\r\n\r\nunterminated',
          headers: { "content-type": "multipart/form-data; boundary=x" },
        },
        /./,
      ],
    ]
    for (const [init, message] of cases) {
      const res = await send(local, "POST", "/admin/uploads", init)
      expect(res.status, JSON.stringify(res.body)).toBe(400)
      expect(res.body.type).toBe("invalid_data")
      expect(res.body.message).toMatch(message)
    }
    expect(await stored()).toEqual(before)
  })

  test("delete removes the row and the bytes: the id and the URL are 404 afterwards", async () => {
    const { files } = await local.sdk.admin.upload.create({
      files: [new File([PNG], "gone.png", { type: "image/png" })],
    })
    const id = files[0]!.id
    expect(await local.sdk.admin.upload.delete(id)).toEqual({ id, object: "file", deleted: true })
    expect(await refusal(local.sdk.admin.upload.retrieve(id))).toMatchObject({ status: 404 })
    expect((await fetch(files[0]!.url)).status).toBe(404)
    expect((await db.query("select 1 from file_blob where key = $1", [id])).rowCount).toBe(0)
    expect((await send(local, "DELETE", `/admin/uploads/${id}`)).status).toBe(404)
  })

  test("every upload route needs an admin (401); file URLs are public; hostile keys are 4xx", async () => {
    const before = await stored()
    const png = new File([PNG], "a.png", { type: "image/png" })
    expect((await send(local, "POST", "/admin/uploads", { body: form(png) }, "")).status).toBe(401)
    expect((await send(local, "GET", "/admin/uploads/file_x", {}, "")).status).toBe(401)
    expect((await send(local, "DELETE", "/admin/uploads/file_x", {}, "")).status).toBe(401)
    const presign = { originalname: "a.csv", mime_type: "text/csv", size: 3 }
    expect(
      (
        await send(
          local,
          "POST",
          "/admin/uploads/presigned-urls",
          { body: JSON.stringify(presign), headers: { "content-type": "application/json" } },
          "",
        )
      ).status,
    ).toBe(401)
    for (const path of ["/static/nothing-here.png", "/static/..%2f..%2fetc%2fpasswd", "/static/a%00b"]) {
      const res = await fetch(`${local.worker.url}${path}`)
      expect([400, 404]).toContain(res.status)
    }
    expect((await send(local, "GET", "/admin/uploads/..%2fx")).status).toBe(404)
    expect((await send(local, "DELETE", "/admin/uploads/a%20b")).status).toBe(404)
    expect(await stored()).toEqual(before)
  })
})

describe("POST /admin/uploads/presigned-urls", () => {
  const presign = (body: unknown) =>
    send(local, "POST", "/admin/uploads/presigned-urls", {
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    })

  test("a signed PUT URL back at the Worker stores exactly the announced file, once", async () => {
    const csv = new TextEncoder().encode("handle,title\nshirt,Shirt\n")
    const res = await presign({ originalname: "products.csv", mime_type: "text/csv", size: csv.length })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      url: expect.stringMatching(new RegExp(`^${local.worker.url}/static/file_[0-9A-Z]{26}-products\\.csv\\?token=`)),
      filename: expect.stringMatching(/^file_[0-9A-Z]{26}-products\.csv$/),
      originalname: "products.csv",
      mime_type: "text/csv",
      extension: "csv",
      size: csv.length,
    })
    const { url, filename } = res.body
    const before = await stored()
    // Tampered token, wrong type, more bytes than announced: refused, nothing stored.
    expect((await fetch(`${url}x`, { method: "PUT", body: csv, headers: { "content-type": "text/csv" } })).status).toBe(
      401,
    )
    expect((await fetch(url, { method: "PUT", body: csv, headers: { "content-type": "text/html" } })).status).toBe(400)
    expect((await fetch(url, { method: "PUT", body: bytesOf(csv.length + 1) })).status).toBe(400)
    const otherKey = url.replace(filename, `${filename}x`)
    expect((await fetch(otherKey, { method: "PUT", body: csv })).status).toBe(401)
    expect(await stored()).toEqual(before)

    const put = await fetch(url, { method: "PUT", body: csv, headers: { "content-type": "text/csv" } })
    expect(put.status).toBe(200)
    expect(await put.json()).toEqual({ file: { id: filename, url: `${local.worker.url}/static/${filename}` } })
    const served = await expectServed(`${local.worker.url}/static/${filename}`, csv, "text/csv")
    expect(served.headers.get("content-disposition")).toBe('attachment; filename="products.csv"')
    expect((await local.sdk.admin.upload.retrieve(filename)).file.id).toBe(filename)
    // A second PUT to the same URL is refused.
    expect((await fetch(url, { method: "PUT", body: csv })).status).toBe(400)
    expect((await stored()).files).toBe(before.files + 1)
  })

  test("the module's limits apply when presigning, and the body is validated", async () => {
    const cases: [unknown, RegExp][] = [
      [{ originalname: "a.svg", mime_type: "image/svg+xml", size: 10 }, /not allowed/],
      [{ originalname: "a.png", mime_type: "image/png", size: 4097 }, /more than the 4096 bytes/],
      [{ originalname: "a.png", mime_type: "image/png" }, /size/],
      [{ originalname: "a.png", mime_type: "image/png", size: 1, extra: true }, /extra/],
      [{ originalname: "", mime_type: "image/png", size: 1 }, /originalname/],
    ]
    for (const [body, message] of cases) {
      const res = await presign(body)
      expect(res.status).toBe(400)
      expect(res.body).toEqual({ type: "invalid_data", message: expect.stringMatching(message) })
    }
  })
})

describe("the r2 provider (a Workers R2 binding)", () => {
  test("bytes go to the bucket, not file_blob; served by the Worker; delete empties the bucket", async () => {
    const before = await stored()
    const { files } = await r2.sdk.admin.upload.create({
      files: [new File([PNG], "r2.png", { type: "image/png" }), new File([JPEG], "r2.jpg", { type: "image/jpeg" })],
    })
    expect(files).toHaveLength(2)
    const keys = await r2.worker.r2Keys("FILES")
    expect(keys).toEqual(expect.arrayContaining(files.map((f: Json) => f.id)))
    expect(await stored()).toEqual({ files: before.files + 2, blobs: before.blobs, objects: before.objects + 2 })
    const rows = (await db.query("select provider_id from file where id = any($1)", [files.map((f: Json) => f.id)]))
      .rows
    expect(rows.map((r) => r.provider_id)).toEqual(["r2", "r2"])
    expect(files[0]!.url).toBe(`${r2.worker.url}/static/${files[0]!.id}`)
    await expectServed(files[0]!.url, PNG, "image/png")

    for (const f of files) await r2.sdk.admin.upload.delete(f.id)
    expect(await stored()).toEqual(before)
    expect((await fetch(files[0]!.url)).status).toBe(404)
  })

  test("a refused upload puts nothing in the bucket", async () => {
    const before = await stored()
    const ok = new File([PNG], "ok.png", { type: "image/png" })
    const tooBig = new File([bytesOf(5000)], "big.png", { type: "image/png" })
    expect((await refusal(r2.sdk.admin.upload.create({ files: [ok, tooBig] }))).status).toBe(400)
    const svg = new File(["<svg/>"], "x.svg", { type: "image/svg+xml" })
    expect((await refusal(r2.sdk.admin.upload.create({ files: [ok, svg] }))).status).toBe(400)
    expect(await stored()).toEqual(before)
  })
})
