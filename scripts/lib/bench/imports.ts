// The product CSV import beside its ceiling: the same products created by POST /admin/products/batch.

const PRODUCTS = 100
const SIZES = ["S", "M"]

interface Timed {
  ms: number
  statements: number
}

async function timed(url: string, init: RequestInit): Promise<Timed & { body: Record<string, unknown> }> {
  const started = performance.now()
  const res = await fetch(url, init)
  const body = (await res.json()) as Record<string, unknown>
  if (res.status >= 300) throw new Error(`${init.method} ${url}: ${res.status} ${JSON.stringify(body)}`)
  return { ms: performance.now() - started, statements: Number(res.headers.get("x-sql-statements")), body }
}

/** 100 products of 2 variants each: imported from CSV (preview, confirm) and, as the ceiling, created in one batch. */
export async function importBeside(api: string, admin: Record<string, string>) {
  const run = Date.now().toString(36)
  const json = { ...admin, "content-type": "application/json" }
  const lines = [
    "Product Handle,Product Title,Variant Title,Variant SKU,Variant Price EUR,Variant Option 1 Name,Variant Option 1 Value",
  ]
  const batch = []
  for (let i = 0; i < PRODUCTS; i++) {
    for (const size of SIZES)
      lines.push(`csv-${run}-${i},Bench ${i},${size},CSV-${run}-${i}-${size},${i}.99,Size,${size}`)
    batch.push({
      title: `Bench ${i}`,
      handle: `batch-${run}-${i}`,
      options: [{ title: "Size", values: SIZES }],
      variants: SIZES.map((size) => ({
        title: size,
        sku: `BATCH-${run}-${i}-${size}`,
        options: { Size: size },
        prices: [{ currency_code: "eur", amount: Number(`${i}.99`) }],
      })),
    })
  }
  const form = new FormData()
  form.append("files", new File([lines.join("\n")], "bench.csv", { type: "text/csv" }))
  const upload = await timed(`${api}/admin/uploads`, { method: "POST", headers: admin, body: form })
  const file = (upload.body.files as { id: string }[])[0]!
  const preview = await timed(`${api}/admin/products/imports`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({
      file_key: file.id,
      originalname: "bench.csv",
      extension: "csv",
      size: 1,
      mime_type: "text/csv",
    }),
  })
  const confirm = await timed(`${api}/admin/products/imports/${preview.body.transaction_id}/confirm`, {
    method: "POST",
    headers: json,
    body: "{}",
  })
  const ceiling = await timed(`${api}/admin/products/batch?fields=id`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ create: batch }),
  })
  return { products: PRODUCTS, preview, confirm, ceiling }
}
