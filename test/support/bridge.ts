import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBridge, type RunningBridge } from '../../src/main/ipc/http-bridge'
import { createTestContext, type TestContext } from './context'

export interface TestBridge {
  test: TestContext
  bridge: RunningBridge
  /** Stops the bridge, then disposes of the context and the renderer folder. */
  dispose(): Promise<void>
}

/**
 * A real context served by the HTTP bridge on a free loopback port with `token`, and a one-page
 * renderer folder for the static routes.
 */
export async function startTestBridge(token: string): Promise<TestBridge> {
  const test = await createTestContext()
  const rendererDir = mkdtempSync(join(tmpdir(), 'proxydeck-renderer-'))
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>ProxyDeck</title>')
  const bridge = await startBridge(test.ctx, { port: 0, token, rendererDir })
  return {
    test,
    bridge,
    async dispose() {
      await bridge.close()
      await test.dispose()
      rmSync(rendererDir, { recursive: true, force: true })
    },
  }
}
