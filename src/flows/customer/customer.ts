import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { transaction } from "../../core/transaction"
import { emitEvent } from "../../infra/event-outbox-service"
import { CustomerEvents } from "../../modules/customer/events"
import type { CustomerProfile, CustomerService } from "../../modules/customer/service"

type NewCustomer = Parameters<CustomerService["create"]>[0]
export type CreateCustomerInput = CustomerProfile & { email: string }

/** A new customer and its `customer.created`, in the caller's transaction. */
async function insertCustomer(tx: Scope, input: NewCustomer) {
  const customer = await tx.resolve("customerService").create(input)
  await emitEvent(tx, CustomerEvents.CREATED, { id: customer.id })
  return customer
}

/**
 * Medusa's createCustomersWorkflow, as the admin runs it: the customer has no account (the
 * shopper can still register with the email) and names the user who made it.
 */
export function createCustomer(scope: Scope, input: CreateCustomerInput, createdBy: string) {
  return transaction(scope, (tx) => insertCustomer(tx, { ...input, has_account: false, created_by: createdBy }))
}

/** Medusa's createCustomerAccountWorkflow: a registered customer, linked to the auth identity that registers it. */
export function createCustomerAccount(scope: Scope, authIdentityId: string, input: CreateCustomerInput) {
  return transaction(scope, async (tx) => {
    const customer = await insertCustomer(tx, { ...input, has_account: true })
    await tx.resolve("authService").linkActor(authIdentityId, { customer_id: customer.id })
    return customer
  })
}

/**
 * Medusa's updateCustomersWorkflow: the customer must exist; a registered customer's email is
 * their login, so it changes only through the auth routes.
 */
export function updateCustomer(scope: Scope, id: string, input: CustomerProfile & { email?: string }) {
  return transaction(scope, async (tx) => {
    const customers = tx.resolve("customerService")
    const existing = await customers.retrieve(id)
    if (input.email !== undefined && existing.has_account && input.email.toLowerCase() !== existing.email) {
      throw new MedusaError("invalid_data", "The email of a customer with an account cannot be changed here")
    }
    const customer = await customers.update(existing.id, input)
    await emitEvent(tx, CustomerEvents.UPDATED, { id: customer.id })
    return customer
  })
}

/** Medusa's removeCustomerAccountWorkflow: the customer soft-deleted, its login unlinked. */
export function deleteCustomer(scope: Scope, id: string) {
  return transaction(scope, async (tx) => {
    await tx.resolve("customerService").softDelete(id)
    await tx.resolve("authService").unlinkActor("customer_id", id)
    await emitEvent(tx, CustomerEvents.DELETED, { id })
  })
}
