import { errors, jwtVerify, SignJWT } from "jose"

export type ActorType = "customer" | "user"

/** The claims of Medusa's auth tokens. */
export interface AuthContext {
  actor_id: string
  /** "api-key" when /admin is called with a secret key rather than a user's token. */
  actor_type: ActorType | "api-key"
  auth_identity_id: string
  auth_provider?: string
  app_metadata?: Record<string, unknown>
  user_metadata?: Record<string, unknown>
}

/** The claims of a token: only customers and users hold tokens. */
export type TokenClaims = AuthContext & { actor_type: ActorType }

const key = (secret: string) => new TextEncoder().encode(secret)

/** Signs with HS256; `purpose` marks single-use tokens (password reset), `jti` names them. */
export async function signToken(
  claims: TokenClaims & { purpose?: string },
  secret: string,
  expiresIn: string,
  jti?: string,
): Promise<string> {
  const jwt = new SignJWT({ ...claims })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt()
    .setExpirationTime(expiresIn)
  if (jti) jwt.setJti(jti)
  return jwt.sign(key(secret))
}

/**
 * Verifies signature, algorithm (HS256 only: `alg: none` and others are refused) and expiry.
 * Answers undefined for any token that is not valid.
 */
export async function verifyToken(
  token: string,
  secret: string,
): Promise<(TokenClaims & { purpose?: string; jti?: string; exp?: number }) | undefined> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { algorithms: ["HS256"] })
    if (
      (payload.actor_type !== "customer" && payload.actor_type !== "user") ||
      typeof payload.auth_identity_id !== "string"
    )
      return undefined
    return payload as unknown as TokenClaims & { purpose?: string; jti?: string; exp?: number }
  } catch (error) {
    if (error instanceof errors.JOSEError) return undefined
    throw error
  }
}
