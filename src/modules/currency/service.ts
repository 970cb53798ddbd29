import { MedusaError } from "../../core/errors"

/** Medusa's currency as its /admin/currencies shows it. */
export interface Currency {
  code: string
  name: string
  symbol: string
  symbol_native: string
  decimal_digits: number
  rounding: number
  created_at: string
  updated_at: string
  deleted_at: null
}

// Medusa seeds its currency table once; the same facts come here from the runtime's ISO 4217 data (Intl).
const SINCE = "2024-01-01T00:00:00.000Z"
let all: Currency[] | undefined

function currencyOf(upper: string): Currency {
  const symbolIn = (display: "symbol" | "narrowSymbol") =>
    new Intl.NumberFormat("en-US", { style: "currency", currency: upper, currencyDisplay: display })
      .formatToParts(0)
      .find((part) => part.type === "currency")?.value ?? upper
  const digits =
    new Intl.NumberFormat("en-US", { style: "currency", currency: upper }).resolvedOptions().maximumFractionDigits ?? 2
  return {
    code: upper.toLowerCase(),
    name: new Intl.DisplayNames(["en"], { type: "currency" }).of(upper) ?? upper,
    symbol: symbolIn("symbol"),
    symbol_native: symbolIn("narrowSymbol"),
    decimal_digits: digits,
    rounding: 0,
    created_at: SINCE,
    updated_at: SINCE,
    deleted_at: null,
  }
}

/** Every ISO 4217 currency, read-only: nothing writes currencies, in Medusa or here. */
export class CurrencyService {
  all(): Currency[] {
    all ??= Intl.supportedValuesOf("currency").map(currencyOf)
    return all
  }

  list(
    filters: { code?: string[]; q?: string },
    order: { field: "code" | "name"; direction: "asc" | "desc" },
    page: { limit: number; offset: number },
  ) {
    const codes = filters.code && new Set(filters.code.map((code) => code.toLowerCase()))
    const q = filters.q?.toLowerCase()
    const matching = this.all()
      .filter((currency) => !codes || codes.has(currency.code))
      .filter((currency) => !q || currency.code.includes(q) || currency.name.toLowerCase().includes(q))
      .sort((a, b) => a[order.field].localeCompare(b[order.field]) * (order.direction === "asc" ? 1 : -1))
    return { rows: matching.slice(page.offset, page.offset + page.limit), count: matching.length }
  }

  retrieve(code: string): Currency {
    const found = this.all().find((currency) => currency.code === code.toLowerCase())
    if (!found) throw new MedusaError("not_found", `Currency with code: ${code} was not found`)
    return found
  }
}
