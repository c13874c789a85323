// `npm run api:docs`: writes docs/openapi.json, the headless API generated from the zod contracts
// (the bridge serves the same document at GET /api/openapi.json). A test fails when it is stale.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { version } from '../package.json'
import { buildOpenApiDocument } from '../src/main/ipc/openapi'

const out = join(__dirname, '..', 'docs', 'openapi.json')
mkdirSync(join(out, '..'), { recursive: true })
writeFileSync(out, `${JSON.stringify(buildOpenApiDocument(version), null, 2)}\n`)
console.log(`Wrote ${out}`)
