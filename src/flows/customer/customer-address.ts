import type { Scope } from "../../core/container"
import { transaction } from "../../core/transaction"
import { emitEvent } from "../../infra/event-outbox-service"
import { CustomerEvents } from "../../modules/customer/events"
import type { CustomerAddressInput, CustomerService } from "../../modules/customer/service"

/**
 * Who changes the addresses: the merchant's change (`admin`) needs the customer to exist and is
 * the customer's update (`customer.updated`); the customer's own (`customer`) is not announced.
 */
export type AddressChangeBy = "admin" | "customer"

/** One address change in one transaction. */
function changeAddresses<T>(
  scope: Scope,
  customerId: string,
  by: AddressChangeBy,
  change: (customers: CustomerService) => Promise<T>,
) {
  return transaction(scope, async (tx) => {
    const customers = tx.resolve("customerService")
    if (by === "admin") await customers.retrieve(customerId)
    const result = await change(customers)
    if (by === "admin") await emitEvent(tx, CustomerEvents.UPDATED, { id: customerId })
    return result
  })
}

/** Medusa's createCustomerAddressesWorkflow: a default address takes the default from the others. */
export const createCustomerAddress = (
  scope: Scope,
  customerId: string,
  input: CustomerAddressInput,
  by: AddressChangeBy,
) => changeAddresses(scope, customerId, by, (customers) => customers.addAddress(customerId, input))

/** Medusa's updateCustomerAddressesWorkflow: the address must be the customer's. */
export const updateCustomerAddress = (
  scope: Scope,
  customerId: string,
  addressId: string,
  input: CustomerAddressInput,
  by: AddressChangeBy,
) => changeAddresses(scope, customerId, by, (customers) => customers.updateAddress(customerId, addressId, input))

/** Medusa's deleteCustomerAddressesWorkflow: the address must be the customer's. */
export const deleteCustomerAddress = (scope: Scope, customerId: string, addressId: string, by: AddressChangeBy) =>
  changeAddresses(scope, customerId, by, (customers) => customers.deleteAddress(customerId, addressId))
