import { MedusaError } from "./errors"

/** Builds a service from the scope it lives in, so it can resolve what it depends on. */
export type Factory<T = unknown> = (scope: Scope) => T

/**
 * What a scope resolves, name → type. Each module declares its services where it registers them
 * (`declare module "../../core/container" { interface ServiceMap { cartService: CartService } }`),
 * infra its request values; a project's or plugin's service file may declare itself the same way.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging, which a type alias cannot be
export interface ServiceMap {}

export type ServiceName = keyof ServiceMap & string

/**
 * A scope seen as Medusa v1's (awilix's) cradle: `cradle.orderService` resolves "orderService" in
 * the scope, and `cradle.resolve(name)` works too. What v1 services and subscribers are built with.
 */
export type Cradle = { readonly [K in ServiceName]: ServiceMap[K] } & Readonly<Record<string, unknown>> & {
    resolve: Scope["resolve"]
  }

const SCOPE_OF_CRADLE = Symbol("scope")

/**
 * The services an app knows, by name. A Scope is made per request (or event delivery):
 * each service is built at most once per scope and never shared between scopes.
 */
export class Registry {
  private readonly factories = new Map<string, Factory>()

  register<K extends ServiceName>(name: K, factory: Factory<ServiceMap[K]>): this
  /** A name the map does not declare: a project's or plugin's service. */
  register(name: string, factory: Factory): this
  register(name: string, factory: Factory): this {
    this.factories.set(name, factory)
    return this
  }

  names(): string[] {
    return [...this.factories.keys()]
  }

  factory(name: string): Factory | undefined {
    return this.factories.get(name)
  }

  /** `values` are the request's own registrations (its database handle, request id, …). */
  createScope(values: Partial<ServiceMap> & Record<string, unknown> = {}): Scope {
    return new Scope(this, values)
  }
}

export class Scope {
  private readonly built = new Map<string, unknown>()
  private readonly resolving = new Set<string>()
  private cradleView?: Cradle

  constructor(
    private readonly registry: Registry,
    private readonly values: Record<string, unknown>,
  ) {}

  /** A scope like this one with some registrations replaced (e.g. `manager` by a transaction); nothing built is shared. */
  fork(values: Partial<ServiceMap> & Record<string, unknown>): Scope {
    return new Scope(this.registry, { ...this.values, ...values })
  }

  /** Whether `name` resolves here (a request value or a registered service). */
  has(name: string): boolean {
    return name in this.values || this.registry.factory(name) !== undefined
  }

  /** This scope as a cradle (see Cradle): a property read is a resolve, so an unknown name throws as resolve does. */
  get cradle(): Cradle {
    this.cradleView ??= new Proxy({} as Cradle, {
      get: (_target, name) => {
        if (name === SCOPE_OF_CRADLE) return this
        if (name === "resolve") return (service: string) => this.resolve(service)
        // Not service names: what awaiting, printing or inspecting an object asks for.
        if (typeof name === "symbol" || name === "then" || name === "toJSON") return undefined
        return this.resolve(name)
      },
      has: (_target, name) => typeof name === "string" && (name === "resolve" || this.has(name)),
    })
    return this.cradleView
  }

  resolve<K extends ServiceName>(name: K): ServiceMap[K]
  /** A name the map does not declare (a project's service), typed by the caller as in Medusa. */
  resolve<T = unknown>(name: string): T
  resolve(name: string): unknown {
    if (name in this.values) return this.values[name]
    if (this.built.has(name)) return this.built.get(name)
    const factory = this.registry.factory(name)
    if (!factory) throw unknownName(name, [...Object.keys(this.values), ...this.registry.names()])
    if (this.resolving.has(name)) {
      throw new MedusaError(
        "unexpected_state",
        `Circular dependency while resolving "${name}": ${[...this.resolving].join(" → ")}`,
      )
    }
    this.resolving.add(name)
    try {
      const instance = factory(this)
      this.built.set(name, instance)
      return instance
    } finally {
      this.resolving.delete(name)
    }
  }
}

/** The scope a cradle was made from; undefined for any other object. */
export function scopeOfCradle(cradle: object): Scope | undefined {
  return (cradle as { [SCOPE_OF_CRADLE]?: Scope })[SCOPE_OF_CRADLE]
}

function unknownName(name: string, known: string[]): MedusaError {
  const nearest = known
    .map((candidate) => ({ candidate, distance: editDistance(name.toLowerCase(), candidate.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3)
    .map(({ candidate }) => candidate)
  const hint = nearest.length ? ` Did you mean ${nearest.map((n) => `"${n}"`).join(", ")}?` : ""
  return new MedusaError(
    "unexpected_state",
    `Could not resolve "${name}": nothing is registered under that name.${hint}`,
  )
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]!
}
