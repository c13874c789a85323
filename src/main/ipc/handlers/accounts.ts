import { getAccount, listAccounts } from '../../services/accounts/account-queries'
import { createAccount, setAccountsStatus, updateAccount } from '../../services/accounts/accounts'
import type { HandlerMap } from '../handler'

export const accountHandlers: HandlerMap<
  | 'accounts:list'
  | 'accounts:get'
  | 'accounts:create'
  | 'accounts:update'
  | 'accounts:setStatus'
  | 'accounts:remove'
> = {
  'accounts:list': (ctx, input) => listAccounts(ctx, input),
  'accounts:get': (ctx, { id }) => getAccount(ctx, id),
  'accounts:create': (ctx, input) => createAccount(ctx, input),
  'accounts:update': (ctx, input) => updateAccount(ctx, input),
  'accounts:setStatus': (ctx, { ids, status }) => setAccountsStatus(ctx, ids, status, 'operator'),
  'accounts:remove': (ctx, { ids }) => setAccountsStatus(ctx, ids, 'removed', 'operator'),
}
