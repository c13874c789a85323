#!/usr/bin/env node
// `npm run lint:cycles`: no import circle anywhere in src, type-only imports counted. A circle that
// is "only types" today is still the wrong direction between layers, and the next value import
// along it breaks module initialisation order. Part of `npm test`.
import madge from 'madge'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const detectiveOptions = {
  ts: { skipTypeImports: false },
  tsx: { skipTypeImports: false, jsx: true },
}
const trees = [
  { paths: ['src/main', 'src/shared', 'src/preload'], tsConfig: 'tsconfig.node.json' },
  { paths: ['src/renderer/src'], tsConfig: 'tsconfig.web.json' },
]

let found = 0
for (const { paths, tsConfig } of trees) {
  const result = await madge(
    paths.map((path) => join(root, path)),
    {
      baseDir: root,
      fileExtensions: ['ts', 'tsx'],
      tsConfig: join(root, tsConfig),
      detectiveOptions,
    },
  )
  for (const circle of result.circular()) {
    found++
    console.error(`import circle: ${[...circle, circle[0]].join(' -> ')}`)
  }
}
if (found) {
  console.error(`\n${found} import circle(s): break each by moving the shared piece down a layer.`)
  process.exit(1)
}
console.log('no import circles (type imports counted)')
