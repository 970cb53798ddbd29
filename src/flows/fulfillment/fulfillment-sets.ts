import type { Scope } from "../../core/container"
import { transaction } from "../../core/transaction"
import { emitShippingOptionsDeleted } from "../../modules/fulfillment/events"

// Fulfillment sets and their service zones: each command one transaction, events included.

const sets = (tx: Scope) => tx.resolve("fulfillmentSetService")
/** Medusa's geo zones of a service zone; only whole countries here. */
type GeoZones = { country_code: string }[]
const countryCodes = (geo?: GeoZones) => geo?.map((zone) => zone.country_code)

/** Medusa's deleteFulfillmentSetsWorkflow: the set's zones and shipping options go with it. */
export const deleteFulfillmentSet = (scope: Scope, id: string) =>
  transaction(scope, async (tx) => emitShippingOptionsDeleted(tx, await sets(tx).deleteFulfillmentSet(id)))

/** Medusa's createServiceZonesWorkflow: a zone of the set, one geo zone per country. */
export const createServiceZone = (scope: Scope, setId: string, input: { name: string; geo_zones: GeoZones }) =>
  transaction(scope, (tx) =>
    tx.resolve("fulfillmentService").createServiceZone(setId, {
      name: input.name,
      country_codes: countryCodes(input.geo_zones)!,
    }),
  )

/** Medusa's updateServiceZonesWorkflow: `geo_zones` replace the zone's countries when given. */
export const updateServiceZone = (
  scope: Scope,
  setId: string,
  zoneId: string,
  input: { name?: string; geo_zones?: GeoZones },
) =>
  transaction(scope, (tx) =>
    sets(tx).updateServiceZone(setId, zoneId, { name: input.name, country_codes: countryCodes(input.geo_zones) }),
  )

/** Medusa's deleteServiceZonesWorkflow: the zone's shipping options go with it. */
export const deleteServiceZone = (scope: Scope, setId: string, zoneId: string) =>
  transaction(scope, async (tx) => emitShippingOptionsDeleted(tx, await sets(tx).deleteServiceZone(setId, zoneId)))
