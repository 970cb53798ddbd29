import { describe, expect, test } from "vitest"
import { adminSession, expectRefused } from "./helpers/admin"
import { createCheckoutFixture, type CheckoutFixture } from "./helpers/checkout-fixture"
import { shopper } from "./helpers/shopper"

type Json = Record<string, any>
const run = Date.now().toString(36)
let fx: CheckoutFixture
const session = adminSession(`refund-reasons-${run}@example.com`, async () => {
  fx = await createCheckoutFixture({ limitedStock: 5, countries: { euro: ["fj", "vu"], won: "sb", noPayment: "ki" } })
})
const asAdmin = session.call
const liveRows = async (code: string) =>
  (await session.db.query("select id from refund_reason where code = $1 and deleted_at is null", [code])).rows

const reasonShape = (fields: Json) => ({
  id: expect.stringMatching(/^refr_/),
  description: null,
  metadata: null,
  created_at: expect.any(String),
  updated_at: expect.any(String),
  deleted_at: null,
  ...fields,
})

describe("/admin/refund-reasons: create, update, delete", () => {
  test("the dashboard's create and edit forms' bodies; read, list and delete", async () => {
    // refund-reason-create-form: { label, code, description } with the untouched textarea as "".
    const created = await asAdmin("POST", "/admin/refund-reasons", {
      label: `Shipping damage ${run}`,
      code: `shipping_damage_${run}`,
      description: "",
    })
    expect(created.status).toBe(200)
    const reason = created.body.refund_reason
    expect(reason).toEqual(
      reasonShape({ label: `Shipping damage ${run}`, code: `shipping_damage_${run}`, description: "" }),
    )
    expect((await asAdmin("GET", `/admin/refund-reasons/${reason.id}`)).body).toEqual({ refund_reason: reason })

    const other = (
      await asAdmin("POST", "/admin/refund-reasons?fields=code", {
        label: `Goodwill ${run}`,
        code: `goodwill_${run}`,
        description: "A gesture",
        metadata: { team: "support" },
      })
    ).body.refund_reason
    expect(other).toEqual({ id: expect.stringMatching(/^refr_/), code: `goodwill_${run}` })
    expect((await asAdmin("GET", `/admin/refund-reasons/${other.id}`)).body.refund_reason).toMatchObject({
      description: "A gesture",
      metadata: { team: "support" },
    })

    // q searches label and code; count is the whole match, not the page.
    const page = await asAdmin("GET", `/admin/refund-reasons?q=${run}&limit=1&order=code`)
    expect(page.body).toMatchObject({ count: 2, offset: 0, limit: 1, refund_reasons: [{ id: other.id }] })
    expect((await asAdmin("GET", `/admin/refund-reasons?code=shipping_damage_${run}&fields=label`)).body).toEqual({
      refund_reasons: [{ id: reason.id, label: `Shipping damage ${run}` }],
      count: 1,
      offset: 0,
      limit: 20,
    })

    // refund-reason-edit-form: all three fields again.
    const updated = await asAdmin("POST", `/admin/refund-reasons/${reason.id}`, {
      label: `Damaged in transit ${run}`,
      code: `transit_damage_${run}`,
      description: "Carrier's fault",
    })
    expect(updated.status).toBe(200)
    expect(updated.body).toEqual({
      refund_reason: {
        ...reason,
        label: `Damaged in transit ${run}`,
        code: `transit_damage_${run}`,
        description: "Carrier's fault",
        updated_at: expect.any(String),
      },
    })
    expect((await asAdmin("POST", `/admin/refund-reasons/${reason.id}`, { description: null })).body).toMatchObject({
      refund_reason: { code: `transit_damage_${run}`, description: null },
    })

    // A code is unique among live reasons.
    const clash = await asAdmin("POST", "/admin/refund-reasons", { label: "Again", code: `goodwill_${run}` })
    expect([clash.status, clash.body.type]).toEqual([422, "duplicate_error"])
    const clashing = await asAdmin("POST", `/admin/refund-reasons/${reason.id}`, { code: `goodwill_${run}` })
    expect([clashing.status, clashing.body.type]).toEqual([422, "duplicate_error"])
    expect(await liveRows(`goodwill_${run}`)).toHaveLength(1)

    expect((await asAdmin("DELETE", `/admin/refund-reasons/${other.id}`)).body).toEqual({
      id: other.id,
      object: "refund_reason",
      deleted: true,
    })
    expect((await asAdmin("GET", `/admin/refund-reasons/${other.id}`)).status).toBe(404)
    const after = await asAdmin("GET", `/admin/refund-reasons?q=${run}`)
    expect(after.body).toMatchObject({ count: 1, refund_reasons: [{ id: reason.id }] })
    // The deleted reason's code is free again.
    const reused = await asAdmin("POST", "/admin/refund-reasons", { label: "Goodwill again", code: `goodwill_${run}` })
    expect(reused.status).toBe(200)
    for (const id of [reason.id, reused.body.refund_reason.id])
      expect((await asAdmin("DELETE", `/admin/refund-reasons/${id}`)).status).toBe(200)
    expect((await asAdmin("GET", `/admin/refund-reasons?q=${run}`)).body).toEqual({
      refund_reasons: [],
      count: 0,
      offset: 0,
      limit: 20,
    })
  })

  test("a bad body is a 400 naming the field, and nothing is stored", async () => {
    await expectRefused(session.db, "refund_reason", (body) => asAdmin("POST", "/admin/refund-reasons", body), [
      [{ code: `no_label_${run}` }, /label/],
      [{ label: "No code" }, /code/],
      [{ label: "", code: `empty_${run}` }, /label/],
      [{ label: "Blank code", code: "   " }, /code/],
      [{ label: "Bad", code: `bad_${run}`, description: 5 }, /description/],
      [{ label: "Bad", code: `bad_${run}`, metadata: "x" }, /metadata/],
      [{ label: "Bad", code: `bad_${run}`, value: "extra" }, /value/],
    ])
    const { id } = (await asAdmin("POST", "/admin/refund-reasons", { label: "Kept", code: `kept_${run}` })).body
      .refund_reason
    await expectRefused(session.db, "refund_reason", (body) => asAdmin("POST", `/admin/refund-reasons/${id}`, body), [
      [{ label: "" }, /label/],
      [{ code: 7 }, /code/],
      [{ parent: "x" }, /parent/],
    ])
    expect((await asAdmin("GET", `/admin/refund-reasons/${id}`)).body.refund_reason).toMatchObject({
      label: "Kept",
      code: `kept_${run}`,
    })
    expect((await asAdmin("GET", "/admin/refund-reasons?limit=-1")).status).toBe(400)
    expect((await asAdmin("DELETE", `/admin/refund-reasons/${id}`)).status).toBe(200)
  })

  test("an unknown id is a 404 for read, update and delete", async () => {
    for (const [method, body] of [
      ["GET", undefined],
      ["POST", { label: "Nope" }],
      ["DELETE", undefined],
    ] as const) {
      const res = await asAdmin(method, "/admin/refund-reasons/refr_missing", body)
      expect([res.status, res.body]).toEqual([
        404,
        { type: "not_found", message: "Refund reason with id: refr_missing was not found" },
      ])
    }
  })

  test("a refund made with a reason still reads after the reason is deleted", async () => {
    const api = shopper(session.worker, fx.key, {
      region: fx.regions.euro,
      country: "fj",
      shippingOption: fx.options.standard,
    })
    const order = (
      await api.post(`/store/carts/${await api.readyCart([{ variant_id: fx.variants.tee, quantity: 1 }])}/complete`)
    ).body.order
    const payment = (await asAdmin("GET", `/admin/orders/${order.id}`)).body.order.payment_collections[0].payments[0]
    expect((await asAdmin("POST", `/admin/payments/${payment.id}/capture`, {})).status).toBe(200)
    const reason = (
      await asAdmin("POST", "/admin/refund-reasons", { label: `Late ${run}`, code: `late_${run}`, description: "" })
    ).body.refund_reason
    // The dashboard's order-create-refund form: { amount, note, refund_reason_id }.
    const refunded = await asAdmin("POST", `/admin/payments/${payment.id}/refund`, {
      amount: 1,
      note: "Arrived late",
      refund_reason_id: reason.id,
    })
    expect(refunded.status).toBe(200)
    expect((await asAdmin("DELETE", `/admin/refund-reasons/${reason.id}`)).status).toBe(200)

    const read = await asAdmin("GET", `/admin/payments/${payment.id}`)
    expect(read.status).toBe(200)
    expect(read.body.payment.refunds).toEqual([
      expect.objectContaining({ amount: 1, note: "Arrived late", refund_reason_id: reason.id }),
    ])
    // The order page asks for the reason itself (its badge on the refund), and still gets the deleted one.
    const orderRead = await asAdmin(
      "GET",
      `/admin/orders/${order.id}?fields=id,*payment_collections,*payment_collections.payments,*payment_collections.payments.refunds,*payment_collections.payments.refunds.refund_reason`,
    )
    expect(orderRead.status).toBe(200)
    expect(orderRead.body.order.payment_collections[0].payments[0].refunds).toEqual([
      expect.objectContaining({
        refund_reason_id: reason.id,
        refund_reason: expect.objectContaining({ id: reason.id, label: `Late ${run}`, code: `late_${run}` }),
      }),
    ])
  })

  test("without an admin: 401", async () => {
    for (const [method, path] of [
      ["POST", "/admin/refund-reasons"],
      ["POST", "/admin/refund-reasons/refr_x"],
      ["DELETE", "/admin/refund-reasons/refr_x"],
      ["GET", "/admin/workflows-executions"],
      ["GET", "/admin/workflows-executions/wf_x"],
    ] as const) {
      const res = await asAdmin(method, path, method === "POST" ? { label: "x", code: "x" } : undefined, "")
      expect([method, path, res.status]).toEqual([method, path, 401])
    }
  })
})

describe("/admin/workflows-executions: nothing recorded, without a workflow engine", () => {
  test("the list is empty with Medusa's paging, its query validated; an id is not found", async () => {
    // The dashboard's workflow-execution-list query.
    const listed = await asAdmin(
      "GET",
      "/admin/workflows-executions?limit=20&offset=0&order=-created_at&workflow_id=create-order&state=done",
    )
    expect(listed.body).toEqual({ workflow_executions: [], count: 0, offset: 0, limit: 20 })
    expect(
      (
        await asAdmin(
          "GET",
          "/admin/workflows-executions?transaction_id=tx_1&q=order&limit=5&offset=10&fields=id,workflow_id",
        )
      ).body,
    ).toEqual({ workflow_executions: [], count: 0, offset: 10, limit: 5 })
    const bad = await asAdmin("GET", "/admin/workflows-executions?limit=many")
    expect([bad.status, bad.body.type]).toEqual([400, "invalid_data"])
    expect(bad.body.message).toMatch(/limit/)

    const missing = await asAdmin("GET", "/admin/workflows-executions/wf_exec_missing")
    expect([missing.status, missing.body]).toEqual([
      404,
      { type: "not_found", message: "Workflow execution with id: wf_exec_missing was not found" },
    ])
  })
})
