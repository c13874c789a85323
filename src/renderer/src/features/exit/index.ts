export { AnonymityBadge } from './AnonymityBadge'
export { ConnectionString } from './ConnectionString'
export { ExitPlace } from './ExitPlace'
export { ExitProfileFacts } from './ExitProfileFacts'
export {
  anonymityLabels,
  networkText,
  placeText,
  reachabilityLabels,
  reachabilityText,
} from './exit-labels'
export { LastCheckBadge, lastCheckState } from './LastCheckBadge'
export { ProfileCard } from './ProfileCard'
export { ProfileCardModal } from './ProfileCardModal'
export { ReachabilityDots, ReachabilityList } from './ReachabilityDots'
export { TestProxyButton, TestProxyIcon, TestResult, testOutcomeText } from './TestProxyButton'
export { useProxyTest, type ProxyTestState } from './use-proxy-test'
