import Big from "big.js"
import { decimal } from "../../../core/money"

// Stripe's zero- and three-decimal currencies (https://docs.stripe.com/currencies), as Medusa lists them.
const ZERO_DECIMAL = new Set(
  "BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF".split(" ").map((c) => c.toLowerCase()),
)
const THREE_DECIMAL = new Set("BHD IQD JOD KWD OMR TND".split(" ").map((c) => c.toLowerCase()))

function multiplier(currency: string): number {
  const code = currency.toLowerCase()
  if (ZERO_DECIMAL.has(code)) return 1
  if (THREE_DECIMAL.has(code)) return 1000
  return 100
}

/** Medusa's getSmallestUnit, exact: ×1, ×100 or ×1000 (then up to a multiple of 10), rounded half up. */
export function toSmallestUnit(amount: string | Big, currency: string): number {
  const m = multiplier(currency)
  let minor = decimal(amount).times(m).round(0, Big.roundHalfUp)
  if (m === 1000) minor = minor.div(10).round(0, Big.roundUp).times(10)
  return Number(minor.toString())
}

/** Medusa's getAmountFromSmallestUnit: the major-unit decimal string. */
export function fromSmallestUnit(minor: number, currency: string): string {
  return decimal(minor).div(multiplier(currency)).toString()
}
