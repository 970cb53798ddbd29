import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { dirname, join, relative, resolve, sep } from "node:path"
import { fileURLToPath } from "node:url"

const ROOT = fileURLToPath(new URL("../..", import.meta.url))
export const REGISTRY_FILE = `${ROOT}src/registry.generated.ts`

/** A source of extensions: the project itself, or a plugin folder. */
interface Source {
  /** the plugin's `resolve` as written in medusa.config.ts; undefined for the project */
  plugin?: string
  /** folder holding api/, services/, subscribers/, jobs/ */
  srcDir: string
}

export class PluginLoadError extends Error {
  constructor(plugin: string, reason: string) {
    super(`Plugin ${plugin} could not be loaded: ${reason}`)
    this.name = "PluginLoadError"
  }
}

/** Where a plugin lives: `./path` from the project root, or a package in node_modules. */
export function pluginDir(resolveAs: string, root = ROOT): string {
  return resolveAs.startsWith(".") || resolveAs.startsWith("/")
    ? resolve(root, resolveAs)
    : join(root, "node_modules", resolveAs)
}

function pluginSource(resolveAs: string, root: string): Source {
  const dir = pluginDir(resolveAs, root)
  if (!existsSync(dir)) throw new PluginLoadError(resolveAs, `no folder at ${relative(root, dir) || dir}`)
  const srcDir = existsSync(join(dir, "src")) ? join(dir, "src") : dir
  const provides =
    ["api", "services", "subscribers", "jobs"].some((folder) => existsSync(join(srcDir, folder))) ||
    existsSync(join(dir, "migrations"))
  if (!provides)
    throw new PluginLoadError(
      resolveAs,
      "it has none of src/api, src/services, src/subscribers, src/jobs or migrations",
    )
  return { plugin: resolveAs, srcDir }
}

const isSource = (file: string) => file.endsWith(".ts") && !file.endsWith(".test.ts") && !file.endsWith(".d.ts")

function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((file) => isSource(file) && !file.startsWith("index."))
    .sort()
}

function routeFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  const found: string[] = []
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) found.push(...routeFiles(path))
    else if (entry === "route.ts") found.push(path)
  }
  return found
}

/** `src/api/admin/products/[id]/route.ts` → `/admin/products/:id` */
export function routePath(apiDir: string, file: string): string {
  const segments = relative(apiDir, dirname(file)).split(sep).filter(Boolean)
  return `/${segments.map((segment) => segment.replace(/^\[(.+)\]$/, ":$1")).join("/")}`
}

/** `privateInventoryAccess.ts` → `privateInventoryAccessService`, `order-notes.ts` → `orderNotesService` */
export function serviceName(file: string): string {
  const base = file.replace(/\.ts$/, "").replace(/[-_]+([a-z0-9])/g, (_, ch: string) => ch.toUpperCase())
  return `${base.charAt(0).toLowerCase()}${base.slice(1)}Service`
}

/**
 * The registry module's text: imports of everything the project's folders and its plugins
 * provide, in the config's order. A Worker has no file system at run time, so this is decided
 * at build time. The project's own files win over a plugin's on a name clash, with a warning.
 */
export function registrySource(
  options: {
    plugins?: string[]
    modules?: ModulePaths
    root?: string
    outFile?: string
    warn?: (message: string) => void
  } = {},
): string {
  const root = options.root ?? ROOT
  const outDir = dirname(options.outFile ?? REGISTRY_FILE)
  const warn = options.warn ?? ((message: string) => console.warn(message))
  const sources: Source[] = [
    { srcDir: join(root, "src") },
    ...(options.plugins ?? []).map((plugin) => pluginSource(plugin, root)),
  ]
  const importPath = (file: string) => {
    const path = relative(outDir, file).split(sep).join("/").replace(/\.ts$/, "")
    return path.startsWith(".") ? path : `./${path}`
  }
  const imports: string[] = []
  const entries = {
    subscribers: [] as string[],
    jobs: [] as string[],
    routes: [] as string[],
    services: [] as string[],
  }
  const taken = {
    subscribers: new Map<string, string>(),
    routes: new Map<string, string>(),
    services: new Map<string, string>(),
  }
  const owner = (source: Source) => (source.plugin ? `plugin ${source.plugin}` : "the project")
  const claim = (kind: keyof typeof taken, name: string, source: Source) => {
    const holder = taken[kind].get(name)
    if (holder) {
      warn(`${kind.slice(0, -1)} ${name} of ${owner(source)} is ignored: ${holder} provides it too and wins`)
      return false
    }
    taken[kind].set(name, owner(source))
    return true
  }
  const pluginField = (source: Source) => (source.plugin ? `, plugin: ${JSON.stringify(source.plugin)}` : "")

  for (const source of sources) {
    for (const file of filesIn(join(source.srcDir, "subscribers"))) {
      const id = file.replace(/\.ts$/, "")
      if (!claim("subscribers", id, source)) continue
      // The whole module: a subscriber is our subscriber({…}), Medusa v2's function and `config`, or Medusa v1's class.
      const name = `subscriber${imports.length}`
      imports.push(`import * as ${name} from "${importPath(join(source.srcDir, "subscribers", file))}"`)
      entries.subscribers.push(
        `subscriberOf(${JSON.stringify(id)}, ${name}${source.plugin ? `, ${JSON.stringify(source.plugin)}` : ""})`,
      )
    }
    for (const file of filesIn(join(source.srcDir, "jobs"))) {
      const name = `job${imports.length}`
      imports.push(`import * as ${name} from "${importPath(join(source.srcDir, "jobs", file))}"`)
      entries.jobs.push(`jobOf(${JSON.stringify(file.replace(/\.ts$/, ""))}, ${name})`)
    }
    const apiDir = join(source.srcDir, "api")
    for (const file of routeFiles(apiDir)) {
      const path = routePath(apiDir, file)
      if (!claim("routes", path, source)) continue
      const name = `route${imports.length}`
      imports.push(`import * as ${name} from "${importPath(file)}"`)
      entries.routes.push(`{ path: "${path}", module: ${name}${pluginField(source)} }`)
    }
    for (const file of filesIn(join(source.srcDir, "services"))) {
      const service = serviceName(file)
      if (!claim("services", service, source)) continue
      const name = `service${imports.length}`
      imports.push(`import ${name} from "${importPath(join(source.srcDir, "services", file))}"`)
      entries.services.push(`{ name: "${service}", factory: ${name}${pluginField(source)} }`)
    }
  }
  const moduleEntries: string[] = []
  /** imports a module's default export (a file, a folder's index.ts, or a package); its local name */
  const importModule = (label: string, resolveAs: string) => {
    const dir = pluginDir(resolveAs, root)
    const file = [dir, `${dir}.ts`, join(dir, "index.ts")].find(
      (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
    )
    const packaged = !resolveAs.startsWith(".") && !resolveAs.startsWith("/") && existsSync(dir)
    if (!file && !packaged)
      throw new PluginLoadError(`module ${label} (${resolveAs})`, `no file at ${relative(root, dir) || dir}`)
    const name = `module${imports.length}`
    imports.push(`import ${name} from "${packaged ? resolveAs : importPath(file!)}"`)
    return name
  }
  const { paymentProviders = [], ...single } = options.modules ?? {}
  for (const [kind, resolveAs] of Object.entries(single)) {
    if (resolveAs) moduleEntries.push(`${kind}: ${importModule(kind, resolveAs)}`)
  }
  // Payment providers by their `resolve`, as medusa.config.ts names them.
  if (paymentProviders.length > 0) {
    const byPath = paymentProviders.map(
      (resolveAs) => `${JSON.stringify(resolveAs)}: ${importModule("payment provider", resolveAs)}`,
    )
    moduleEntries.push(`paymentProviders: { ${byPath.join(", ")} }`)
  }
  const importFrom = (module: string) => importPath(join(ROOT, "src", module))
  return [
    "// Generated by scripts/lib/generate-registry.ts from src/{api,services,subscribers,jobs} and the plugins: do not edit.",
    `import type { ApiRoute, ModuleFactories, ServiceEntry } from "${importFrom("core/extensions")}"`,
    `import { jobOf, type JobConfig } from "${importFrom("infra/events/job")}"`,
    `import { subscriberOf, type Subscriber } from "${importFrom("infra/events/subscriber")}"`,
    ...imports,
    "",
    `export const subscribers: Subscriber[] = [${entries.subscribers.join(", ")}]`,
    `export const jobs: JobConfig[] = [${entries.jobs.join(", ")}]`,
    `export const routes: ApiRoute[] = [${entries.routes.join(", ")}]`,
    `export const services: ServiceEntry[] = [${entries.services.join(", ")}]`,
    `export const modules: ModuleFactories = { ${moduleEntries.join(", ")} }`,
    "",
  ].join("\n")
}

/** Custom modules named in medusa.config.ts (`modules.cache.resolve: "./src/my-cache"`). */
export interface ModulePaths {
  cache?: string
  eventBus?: string
  /** custom payment providers' `resolve`s */
  paymentProviders?: string[]
}

/** Writes the registry when it changed; true if it did. */
export function generateRegistry(
  options: { plugins?: string[]; modules?: ModulePaths; outFile?: string } = {},
): boolean {
  const outFile = options.outFile ?? REGISTRY_FILE
  const source = registrySource({ ...options, outFile })
  if (existsSync(outFile) && readFileSync(outFile, "utf8") === source) return false
  writeFileSync(outFile, source)
  return true
}
