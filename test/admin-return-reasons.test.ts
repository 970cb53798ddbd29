import { describe, expect, inject, test } from "vitest"
import { adminSession, expectRefused } from "./helpers/admin"

type Json = Record<string, any>
const run = Date.now().toString(36)
const session = adminSession(`return-reasons-${run}@example.com`)
const asAdmin = session.call

const storeGet = async (path: string, key?: string) => {
  const res = await session.worker.fetch(path, { headers: key ? { "x-publishable-api-key": key } : {} })
  return { status: res.status, body: (await res.json()) as Json }
}
const liveRows = async (value: string) =>
  (await session.db.query("select id from return_reason where value = $1 and deleted_at is null", [value])).rows

describe("/admin/return-reasons and /store/return-reasons", () => {
  test("a reason is created, searched, retrieved, updated and deleted", async () => {
    const created = await asAdmin("POST", "/admin/return-reasons", {
      value: `damaged-${run}`,
      label: `Damaged ${run}`,
      description: "Arrived broken",
    })
    expect(created.status).toBe(200)
    const reason = created.body.return_reason
    expect(reason).toEqual({
      id: expect.stringMatching(/^rr_/),
      value: `damaged-${run}`,
      label: `Damaged ${run}`,
      description: "Arrived broken",
      parent_return_reason_id: null,
      metadata: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
      deleted_at: null,
    })
    const child = (
      await asAdmin("POST", "/admin/return-reasons", {
        value: `scratched-${run}`,
        label: `Scratched ${run}`,
        parent_return_reason_id: reason.id,
        metadata: { severity: "low" },
      })
    ).body.return_reason
    expect(child).toMatchObject({ parent_return_reason_id: reason.id, metadata: { severity: "low" } })

    // q searches value and label; count is the whole match, not the page.
    const page = await asAdmin("GET", `/admin/return-reasons?q=${run}&limit=1&order=value`)
    expect(page.body).toMatchObject({ count: 2, offset: 0, limit: 1, return_reasons: [{ id: reason.id }] })
    expect((await asAdmin("GET", `/admin/return-reasons?q=SCRATCHED ${run}`)).body.return_reasons).toEqual([child])
    expect((await asAdmin("GET", `/admin/return-reasons?value=damaged-${run}&fields=label`)).body).toEqual({
      return_reasons: [{ id: reason.id, label: `Damaged ${run}` }],
      count: 1,
      offset: 0,
      limit: 20,
    })
    const children = await asAdmin("GET", `/admin/return-reasons?parent_return_reason_id=${reason.id}`)
    expect(children.body.return_reasons.map((r: Json) => r.id)).toEqual([child.id])
    const ordered = await asAdmin("GET", `/admin/return-reasons?id[]=${reason.id}&id[]=${child.id}&order=-value`)
    expect(ordered.body.return_reasons.map((r: Json) => r.id)).toEqual([child.id, reason.id])

    expect((await asAdmin("GET", `/admin/return-reasons/${reason.id}`)).body).toEqual({ return_reason: reason })
    const updated = await asAdmin("POST", `/admin/return-reasons/${reason.id}`, {
      label: `Broken ${run}`,
      description: null,
    })
    expect(updated.body.return_reason).toMatchObject({
      id: reason.id,
      value: `damaged-${run}`,
      label: `Broken ${run}`,
      description: null,
    })
    expect((await asAdmin("GET", `/admin/return-reasons/${reason.id}?fields=label`)).body).toEqual({
      return_reason: { id: reason.id, label: `Broken ${run}` },
    })

    expect((await asAdmin("DELETE", `/admin/return-reasons/${child.id}`)).body).toEqual({
      id: child.id,
      object: "return_reason",
      deleted: true,
    })
    const gone = await asAdmin("GET", `/admin/return-reasons/${child.id}`)
    expect(gone).toMatchObject({
      status: 404,
      body: { type: "not_found", message: `Return reason with id: ${child.id} was not found` },
    })
    expect((await asAdmin("DELETE", `/admin/return-reasons/${child.id}`)).status).toBe(404)
    expect((await asAdmin("GET", `/admin/return-reasons?q=${run}`)).body.count).toBe(1)
    // A deleted reason's value is free again.
    const reused = await asAdmin("POST", "/admin/return-reasons", { value: `scratched-${run}`, label: "Again" })
    expect(reused.status).toBe(200)
  })

  test("a value in use is refused, and so are bad bodies, with nothing stored", async () => {
    const value = `wrong-size-${run}`
    const first = (await asAdmin("POST", "/admin/return-reasons", { value, label: "Wrong size" })).body.return_reason
    const again = await asAdmin("POST", "/admin/return-reasons", { value, label: "Wrong size, again" })
    expect(again).toMatchObject({
      status: 422,
      body: { type: "duplicate_error", message: `Return reason with value: ${value}, already exists.` },
    })
    expect(await liveRows(value)).toEqual([{ id: first.id }])

    const other = (await asAdmin("POST", "/admin/return-reasons", { value: `too-late-${run}`, label: "Too late" })).body
      .return_reason
    const clash = await asAdmin("POST", `/admin/return-reasons/${other.id}`, { value })
    expect(clash).toMatchObject({
      status: 422,
      body: { type: "duplicate_error", message: `Return reason with value: ${value}, already exists.` },
    })
    expect((await asAdmin("GET", `/admin/return-reasons/${other.id}`)).body.return_reason.value).toBe(`too-late-${run}`)

    await expectRefused(session.db, "return_reason", (body) => asAdmin("POST", "/admin/return-reasons", body), [
      [{ label: "No value" }, /^value: /],
      [{ value: `no-label-${run}` }, /^label: /],
      [{ value: "", label: "Empty" }, /^value: /],
      [{ value: `extra-${run}`, label: "Extra", reason: "x" }, /^Unrecognized fields: 'reason'$/],
      [{ value: `meta-${run}`, label: "Meta", metadata: "x" }, /^metadata: /],
    ])
    expect((await asAdmin("POST", `/admin/return-reasons/${other.id}`, { label: "" })).status).toBe(400)
    const orphan = await asAdmin("POST", "/admin/return-reasons", {
      value: `orphan-${run}`,
      label: "Orphan",
      parent_return_reason_id: "rr_missing",
    })
    expect(orphan).toMatchObject({ status: 404, body: { message: "Return reason with id: rr_missing was not found" } })
    expect(await liveRows(`orphan-${run}`)).toEqual([])
    expect((await asAdmin("GET", "/admin/return-reasons?order=nope")).status).toBe(400)
  })

  test("a list takes a fixed number of SQL statements, however many reasons it holds", async () => {
    const statements = async () =>
      (
        await session.worker.fetch(`/admin/return-reasons?q=count-${run}`, {
          headers: { authorization: `Bearer ${session.token}` },
        })
      ).headers.get("x-sql-statements")
    await asAdmin("POST", "/admin/return-reasons", { value: `count-a-${run}`, label: "A" })
    const withOne = await statements()
    expect(withOne).toMatch(/^\d+$/)
    await asAdmin("POST", "/admin/return-reasons", { value: `count-b-${run}`, label: "B" })
    await asAdmin("POST", "/admin/return-reasons", { value: `count-c-${run}`, label: "C" })
    expect(await statements()).toBe(withOne)
  })

  test("the store lists them with a publishable key; the admin routes need an admin", async () => {
    const reason = (await asAdmin("POST", "/admin/return-reasons", { value: `store-${run}`, label: "Not as pictured" }))
      .body.return_reason
    const key = inject("demoKey")
    expect(await storeGet("/store/return-reasons")).toMatchObject({ status: 400, body: { type: "not_allowed" } })
    const listed = await storeGet("/store/return-reasons?limit=500", key)
    expect(listed.status).toBe(200)
    expect(listed.body).toMatchObject({ count: expect.any(Number), offset: 0, limit: 500 })
    expect(listed.body.return_reasons).toContainEqual(reason)
    expect((await storeGet(`/store/return-reasons/${reason.id}?fields=value`, key)).body).toEqual({
      return_reason: { id: reason.id, value: `store-${run}` },
    })
    expect((await storeGet("/store/return-reasons/rr_missing", key)).status).toBe(404)

    expect((await asAdmin("GET", "/admin/return-reasons", undefined, "")).status).toBe(401)
    expect((await asAdmin("POST", "/admin/return-reasons", { value: `anon-${run}`, label: "Anon" }, "")).status).toBe(
      401,
    )
    expect(await liveRows(`anon-${run}`)).toEqual([])
  })
})
