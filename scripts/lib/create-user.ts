import type { ResolvedConfig } from "../../src/config"
import type { AuthService } from "../../src/modules/auth/service"
import type { UserService } from "../../src/modules/user/service"
import { inTransaction } from "./node-scope"

/** Medusa's `medusa user`: an admin user with an emailpass login, in one transaction. */
export async function createAdminUser(config: ResolvedConfig, input: { email: string; password: string }) {
  return inTransaction(config, async (scope) => {
    const auth = scope.resolve<AuthService>("authService")
    const identity = await auth.registerEmailpass(input.email, input.password)
    if (!identity) throw new Error(`${input.email} can already log in; nothing was created`)
    const user = await scope.resolve<UserService>("userService").create({ email: input.email })
    await auth.linkActor(identity.id, { user_id: user.id })
    return user
  })
}
