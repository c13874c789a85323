import { autoAssign } from '../../services/assignment/auto-assign'
import {
  availableProxies,
  getAssignment,
  listAssignments,
} from '../../services/assignment/assignment-queries'
import { listExitCollisions } from '../../services/assignment/exit-collisions'
import { assignAccount, reassignAccount, releaseAccounts } from '../../services/assignment/moves'
import type { HandlerMap } from '../handler'

// Actor is whoever chose the proxy: the engine for auto (and a reassign to 'auto'), else the operator.
export const assignmentHandlers: HandlerMap<
  | 'assignments:auto'
  | 'assignments:assign'
  | 'assignments:release'
  | 'assignments:reassign'
  | 'assignments:list'
  | 'assignments:available'
  | 'assignments:collisions'
> = {
  'assignments:auto': (ctx, options) => autoAssign(ctx, options),
  'assignments:assign': (ctx, { accountId, proxyId, force }) => {
    assignAccount(ctx, accountId, proxyId, { reason: 'manual', actor: 'operator' }, { force })
    return getAssignment(ctx, accountId)
  },
  'assignments:release': (ctx, { accountIds }) => ({
    released: releaseAccounts(ctx, accountIds, { reason: 'manual', actor: 'operator' }),
  }),
  'assignments:reassign': (ctx, { accountId, toProxyId, force }) => {
    reassignAccount(
      ctx,
      accountId,
      toProxyId,
      { reason: 'manual', actor: toProxyId === 'auto' ? 'system' : 'operator' },
      { force },
    )
    return getAssignment(ctx, accountId)
  },
  'assignments:list': (ctx, input) => listAssignments(ctx, input),
  'assignments:available': (ctx, { modelId, limit }) => availableProxies(ctx, modelId, limit),
  'assignments:collisions': (ctx) => listExitCollisions(ctx),
}
