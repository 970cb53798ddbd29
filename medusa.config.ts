import { defineConfig } from "./src/config"

// Read at start-up: in the Worker, process.env holds the wrangler vars and secrets;
// in scripts, the shell's environment and .env. See the README's configuration table.
const env = process.env

export default defineConfig({
  projectConfig: {
    database_url: env.DATABASE_URL,
    database_logging: env.DATABASE_LOGGING ?? false,
    redis_url: env.REDIS_URL ?? env.UPSTASH_REDIS_REST_URL,
    redis_token: env.UPSTASH_REDIS_REST_TOKEN,
    jwt_secret: env.JWT_SECRET,
    cookie_secret: env.COOKIE_SECRET,
    store_cors: env.STORE_CORS,
    admin_cors: env.ADMIN_CORS,
    auth_cors: env.AUTH_CORS,
    auth_rate_limit: {
      per_ip: env.AUTH_RATE_LIMIT_PER_IP,
      per_email: env.AUTH_RATE_LIMIT_PER_EMAIL,
      window_seconds: env.AUTH_RATE_LIMIT_WINDOW_SECONDS,
    },
  },
  plugins: [],
  modules: {
    // Setting QSTASH_TOKEN switches events from in-process delivery to QStash webhooks.
    eventBus: env.QSTASH_TOKEN
      ? {
          resolve: "qstash",
          options: {
            token: env.QSTASH_TOKEN,
            baseUrl: env.QSTASH_URL,
            currentSigningKey: env.QSTASH_CURRENT_SIGNING_KEY,
            nextSigningKey: env.QSTASH_NEXT_SIGNING_KEY,
            publicUrl: env.PUBLIC_URL,
          },
        }
      : { resolve: "local" },
    // Setting RESEND_API_KEY sends email through Resend; without it mails are logged and stored (see /admin/notifications).
    notification: {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/notification-local",
            id: "local",
            options: { channels: env.RESEND_API_KEY ? ["feed"] : ["email", "feed"] },
          },
          ...(env.RESEND_API_KEY
            ? [
                {
                  resolve: "resend",
                  id: "resend",
                  options: {
                    channels: ["email"],
                    api_key: env.RESEND_API_KEY,
                    from: env.NOTIFICATION_FROM,
                    base_url: env.RESEND_BASE_URL,
                  },
                },
              ]
            : []),
        ],
      },
    },
    // Setting STRIPE_API_KEY adds Stripe (pp_stripe_stripe) next to the system provider; see the README.
    payment: {
      resolve: "@medusajs/medusa/payment",
      options: {
        providers: env.STRIPE_API_KEY
          ? [
              {
                resolve: "@medusajs/medusa/payment-stripe",
                id: "stripe",
                options: {
                  apiKey: env.STRIPE_API_KEY,
                  webhookSecret: env.STRIPE_WEBHOOK_SECRET,
                  capture: env.STRIPE_CAPTURE === "true",
                  apiBase: env.STRIPE_API_BASE,
                },
              },
            ]
          : [],
      },
    },
    // Files (product media, imports): in Postgres by default; FILE_R2_BINDING names an R2 bucket binding instead (see the README).
    file: {
      resolve: "@medusajs/medusa/file",
      options: {
        max_file_size: env.FILE_MAX_SIZE,
        max_request_size: env.FILE_MAX_REQUEST_SIZE,
        allowed_mime_types: env.FILE_ALLOWED_MIME_TYPES,
        backend_url:
          env.FILE_BACKEND_URL ?? (env.PUBLIC_URL ? `${env.PUBLIC_URL.replace(/\/+$/, "")}/static` : undefined),
        providers: [
          env.FILE_R2_BINDING
            ? {
                resolve: "r2",
                id: "r2",
                options: { binding: env.FILE_R2_BINDING, public_url: env.FILE_R2_PUBLIC_URL },
              }
            : { resolve: "@medusajs/medusa/file-local", id: "local", options: {} },
        ],
      },
    },
  },
})
