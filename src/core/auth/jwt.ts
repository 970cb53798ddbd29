import { errors, jwtVerify, SignJWT } from "jose"

export type ActorType = "customer" | "user"

/** The claims of Medusa's auth tokens. */
export interface AuthContext {
  actor_id: string
  actor_type: ActorType
  auth_identity_id: string
  auth_provider?: string
  app_metadata?: Record<string, unknown>
  user_metadata?: Record<string, unknown>
}

const key = (secret: string) => new TextEncoder().encode(secret)

/** Signs with HS256; `purpose` marks single-use tokens (password reset), `jti` names them. */
export async function signToken(claims: AuthContext & { purpose?: string }, secret: string, expiresIn: string, jti?: string): Promise<string> {
  const jwt = new SignJWT({ ...claims }).setProtectedHeader({ alg: "HS256", typ: "JWT" }).setIssuedAt().setExpirationTime(expiresIn)
  if (jti) jwt.setJti(jti)
  return jwt.sign(key(secret))
}

/**
 * Verifies signature, algorithm (HS256 only: `alg: none` and others are refused) and expiry.
 * Answers undefined for any token that is not valid.
 */
export async function verifyToken(token: string, secret: string): Promise<(AuthContext & { purpose?: string; jti?: string; exp?: number }) | undefined> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { algorithms: ["HS256"] })
    if (typeof payload.actor_type !== "string" || typeof payload.auth_identity_id !== "string") return undefined
    return payload as unknown as AuthContext & { purpose?: string; jti?: string; exp?: number }
  } catch (error) {
    if (error instanceof errors.JOSEError) return undefined
    throw error
  }
}
