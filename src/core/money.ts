import Big from "big.js"

// Money is exact: amounts travel as decimal strings and are computed with big.js, never floats.
Big.DP = 20
Big.RM = Big.roundHalfUp

export type Decimal = Big
export const decimal = (value: string | number | Big): Big => new Big(value)

/** A decimal as JSON shows money: a number in major units (`10.5` is 10.50). */
export function toJsonNumber(value: Big | string): number {
  return Number(new Big(value).toString())
}

/** Medusa's `raw_*` companion of an amount. */
export function rawAmount(value: Big | string): { value: string; precision: number } {
  return { value: new Big(value).toString(), precision: 20 }
}

/**
 * Amount with and without tax for a total rate in percent, as Medusa's calculateAmountsWithTax:
 * an inclusive amount already holds the tax, an exclusive one gets it added. Not rounded.
 */
export function amountsWithTax(amount: Big | string, ratePercent: Big | string, includesTax: boolean) {
  const value = new Big(amount)
  const rate = new Big(ratePercent).div(100)
  if (includesTax) {
    const tax = value.times(rate).div(rate.plus(1))
    return { with_tax: value, without_tax: value.minus(tax) }
  }
  return { with_tax: value.plus(value.times(rate)), without_tax: value }
}
