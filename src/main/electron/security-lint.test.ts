/**
 * `npm run lint:security`'s verdict logic (scripts/security), and the premise of its one
 * documented exception: the CSP meta tag the scanner flags is a placeholder the build fills in.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  judgeFindings,
  readExceptions,
  readSarifFindings,
  type Finding,
} from '../../../scripts/security/findings.mjs'
import { stageSources } from '../../../scripts/security/stage-sources.mjs'
import { RENDERER_CSP_META, RENDERER_CSP_PLACEHOLDER, withRendererCsp } from '../../shared/csp'

const root = resolve(__dirname, '../../..')
const exceptionsFile = join(root, 'scripts/security/electronegativity-exceptions.json')

function finding(check: string, file: string, level = 'warning'): Finding {
  return { check, level, file, line: 1, message: check }
}

describe('judgeFindings', () => {
  const exception = { check: 'CSP_GLOBAL_CHECK', file: 'a.html', reason: 'x'.repeat(30) }

  it('fails warnings without an exception, excepts matching ones, keeps notes apart', () => {
    const verdict = judgeFindings(
      [
        finding('CSP_GLOBAL_CHECK', 'a.html'),
        finding('CSP_GLOBAL_CHECK', 'b.html'),
        finding('AUXCLICK_JS_CHECK', 'w.ts', 'error'),
        finding('PRELOAD_JS_CHECK', 'w.ts', 'note'),
      ],
      [exception],
    )
    expect(verdict.excepted.map((e) => e.finding.file)).toEqual(['a.html'])
    expect(verdict.failures.map((f) => `${f.check} ${f.file}`)).toEqual([
      'CSP_GLOBAL_CHECK b.html',
      'AUXCLICK_JS_CHECK w.ts',
    ])
    expect(verdict.notes.map((f) => f.check)).toEqual(['PRELOAD_JS_CHECK'])
    expect(verdict.unused).toEqual([])
  })

  it('reports an exception that matches nothing', () => {
    expect(judgeFindings([], [exception]).unused).toEqual([exception])
  })
})

describe('readSarifFindings', () => {
  it('reads rule, level, project-relative file and line', () => {
    const sarif = {
      runs: [
        {
          results: [
            {
              ruleId: 'AUXCLICK_JS_CHECK',
              level: 'warning',
              message: { text: 'middle click' },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: 'src/main/electron/window.ts' },
                    region: { startLine: 15 },
                  },
                },
              ],
            },
          ],
        },
      ],
    }
    expect(readSarifFindings(JSON.stringify(sarif), '/scan')).toEqual([
      {
        check: 'AUXCLICK_JS_CHECK',
        level: 'warning',
        file: 'src/main/electron/window.ts',
        line: 15,
        message: 'middle click',
      },
    ])
  })

  it('refuses a report that is not SARIF rather than passing on nothing', () => {
    expect(() => readSarifFindings('{}', '/scan')).toThrow(/not a SARIF report/)
    expect(() => readSarifFindings('', '/scan')).toThrow()
  })
})

describe('stageSources', () => {
  const dir = mkdtempSync(join(tmpdir(), 'proxydeck-stage-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('copies sources and manifests, never dependencies or build output', () => {
    const project = join(dir, 'project')
    for (const folder of ['src', 'node_modules/x', 'out/main', 'dist', '.electron-native']) {
      mkdirSync(join(project, folder), { recursive: true })
    }
    for (const file of [
      'src/a.ts',
      'src/page.html',
      'src/notes.md',
      'package.json',
      'node_modules/x/index.js',
      'out/main/index.js',
      'dist/app.js',
      '.electron-native/x.js',
    ]) {
      writeFileSync(join(project, file), '')
    }
    const staged = join(dir, 'staged')
    expect(stageSources(project, staged)).toBe(3)
    expect(() => readFileSync(join(staged, 'src/a.ts'))).not.toThrow()
    expect(() => readFileSync(join(staged, 'out/main/index.js'))).toThrow()
  })
})

describe('documented exceptions', () => {
  it('each names a check, a file that exists, and a reason', () => {
    for (const exception of readExceptions(exceptionsFile)) {
      expect(() => readFileSync(join(root, exception.file)), exception.file).not.toThrow()
    }
  })

  it('CSP_GLOBAL_CHECK: index.html holds only the placeholder, which the build replaces', () => {
    const html = readFileSync(join(root, 'src/renderer/index.html'), 'utf8')
    expect(html).toMatch(/http-equiv="Content-Security-Policy"\s+content="%RENDERER_CSP%"/)
    const built = withRendererCsp(html)
    expect(built).not.toContain(RENDERER_CSP_PLACEHOLDER)
    expect(built).toContain(`content="${RENDERER_CSP_META}"`)
    expect(RENDERER_CSP_META).toContain("script-src 'self'")
  })
})
