import type { RouteRequest, RouteResponse } from "../../../core/extensions"

// An example custom endpoint, as in Medusa's starter: under /admin, so it needs an admin user.
export async function GET(_req: RouteRequest, res: RouteResponse) {
  res.json({ message: "Welcome to Your Store!" })
}
