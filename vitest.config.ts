import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

// Medusa's import names (tsconfig.json's paths) resolve to src/framework.ts in tests too, exactly, not their subpaths.
const paths = (
  JSON.parse(readFileSync(new URL("./tsconfig.json", import.meta.url), "utf8")) as {
    compilerOptions: { paths: Record<string, string[]> }
  }
).compilerOptions.paths
const alias = Object.entries(paths).map(([name, [target]]) => ({
  find: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`),
  replacement: fileURLToPath(new URL(target!, import.meta.url)),
}))

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["src/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["test/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/setup/global.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
