import { defineConfig } from 'drizzle-kit'

// `npm run db:generate` writes table migrations here; triggers live in a `--custom` migration.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/main/db/schema.ts',
  out: './drizzle',
  strict: true,
  verbose: true,
})
