import { defineConfig } from "vitest/config"

// `npm run test:browser`: Medusa's admin dashboard in Debian's chromium against the real local stack.
export default defineConfig({
  test: {
    name: "browser",
    include: ["test/browser/**/*.browser.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 420_000,
    fileParallelism: false,
  },
})
