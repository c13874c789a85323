import { useStartTest } from '../../features/checks/use-start-test'
import { useIntent } from '../../shell/intents'

/**
 * What the command palette can ask of this view (shell/intents.ts): open the add form, test the
 * failed proxies. The test starts once the view is mounted, so its run panel is already listening
 * for the run's progress.
 */
export function useProxiesIntents({ addProxy }: { addProxy: () => void }) {
  const { start } = useStartTest()
  useIntent('add-proxy', addProxy)
  useIntent('test-failed', () => void start({ failed: true, targets: 'assigned' }))
}
