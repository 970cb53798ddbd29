/** Units of one inventory item taken from (or given back to) one location. */
export interface StockMove {
  inventory_item_id: string
  location_id: string
  quantity: number
}
