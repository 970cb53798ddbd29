import { z } from "zod"
import { addressBody } from "../carts/validators"
import { metadata } from "../../../core/metadata"

const text = z.string().max(1000).nullish()
export const customerProfile = { first_name: text, last_name: text, phone: text, company_name: text, metadata }
export const customerEmail = z.email({ error: "email must be an email address" }).max(320)
// Strict bodies: has_account, id or anything else a caller should not set is refused, not ignored.
export const createCustomerBody = z.strictObject({ email: customerEmail, ...customerProfile })
export const customerAddressBody = addressBody.extend({
  address_name: text,
  is_default_shipping: z.boolean().optional(),
  is_default_billing: z.boolean().optional(),
})
/** Updating an address: clients send its `id` back with it. */
export const updateCustomerAddressBody = customerAddressBody.extend({ id: z.string().optional() })
