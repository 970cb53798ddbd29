import type { Scope } from "../../core/container"
import { InventoryEvents } from "../../modules/inventory/events"
import type { NewReservation, ReservationChange } from "../../modules/inventory/reservation-service"
import { announced } from "../command"

// Medusa's createReservationsWorkflow, updateReservationsWorkflow and deleteReservationsWorkflow:
// stock held by hand, kept in step with each level's reserved quantity.

const reservations = (scope: Scope) => scope.resolve("reservationService")

/** A reservation of an existing item; its id. */
export const createReservation = (scope: Scope, input: NewReservation) =>
  announced(scope, InventoryEvents.RESERVATION_CREATED, async (tx) => {
    await tx.resolve("inventoryService").retrieve(input.inventory_item_id)
    return (await reservations(tx).create(input)).id
  })

export const updateReservation = (scope: Scope, id: string, change: ReservationChange) =>
  announced(scope, InventoryEvents.RESERVATION_UPDATED, async (tx) => {
    await reservations(tx).update(id, change)
    return id
  })

export const deleteReservation = (scope: Scope, id: string) =>
  announced(scope, InventoryEvents.RESERVATION_DELETED, async (tx) => {
    await reservations(tx).delete(id)
    return id
  })
