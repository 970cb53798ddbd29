import { announced } from "../command"
import type { Scope } from "../../core/container"
import { CustomerEvents, CustomerGroupEvents } from "../../modules/customer/events"
import type { CustomerGroupInput } from "../../modules/customer/customer-group-service"

// The admin's customer group commands: each one transaction, its `{ id }` event included.

const groups = (tx: Scope) => tx.resolve("customerGroupService")
type Links = { add?: string[]; remove?: string[] }

/** Medusa's createCustomerGroupsWorkflow; answers the group. */
export const createCustomerGroup = (scope: Scope, input: CustomerGroupInput) =>
  announced(scope, CustomerGroupEvents.CREATED, (tx) => groups(tx).create(input))

/** Medusa's updateCustomerGroupsWorkflow; answers the group. */
export const updateCustomerGroup = (scope: Scope, id: string, input: Partial<Omit<CustomerGroupInput, "created_by">>) =>
  announced(scope, CustomerGroupEvents.UPDATED, (tx) => groups(tx).update(id, input))

/** Medusa's deleteCustomerGroupsWorkflow. */
export const deleteCustomerGroup = (scope: Scope, id: string) =>
  announced(scope, CustomerGroupEvents.DELETED, async (tx) => {
    await groups(tx).softDelete(id)
    return { id }
  })

/** Medusa's linkCustomersToCustomerGroupWorkflow: customers added to and removed from the group. */
export const linkCustomersToGroup = (scope: Scope, groupId: string, links: Links, createdBy?: string) =>
  announced(scope, CustomerGroupEvents.UPDATED, async (tx) => {
    const group = await groups(tx).retrieve(groupId)
    const pair = (customer_id: string) => ({ customer_group_id: group.id, customer_id })
    await groups(tx).removeCustomers((links.remove ?? []).map(pair))
    await groups(tx).addCustomers((links.add ?? []).map(pair), createdBy)
    return group
  })

/** Medusa's linkCustomerGroupsToCustomerWorkflow: the customer added to and removed from groups. */
export const setCustomerGroups = (scope: Scope, customerId: string, links: Links, createdBy?: string) =>
  announced(scope, CustomerEvents.UPDATED, async (tx) => {
    const customer = await tx.resolve("customerService").retrieve(customerId)
    const pair = (customer_group_id: string) => ({ customer_group_id, customer_id: customer.id })
    await groups(tx).removeCustomers((links.remove ?? []).map(pair))
    await groups(tx).addCustomers((links.add ?? []).map(pair), createdBy)
    return customer
  })
