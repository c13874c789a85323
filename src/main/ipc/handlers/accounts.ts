import { getAccount, listAccounts } from '../../services/accounts/account-queries'
import {
  createAccount,
  invalidDetail,
  setAccountsStatus,
  updateAccount,
} from '../../services/accounts/accounts'
import { createBulkAccounts, previewBulkAccounts } from '../../services/accounts/bulk-add'
import type { HandlerMap } from '../handler'

export const accountHandlers: HandlerMap<
  | 'accounts:list'
  | 'accounts:get'
  | 'accounts:create'
  | 'accounts:update'
  | 'accounts:setStatus'
  | 'accounts:remove'
  | 'accounts:bulkPreview'
  | 'accounts:bulkCreate'
> = {
  'accounts:list': (ctx, input) => listAccounts(ctx, input),
  'accounts:get': (ctx, { id }) => getAccount(ctx, id),
  'accounts:create': (ctx, input) => createAccount(ctx, input),
  'accounts:update': (ctx, input) => updateAccount(ctx, input),
  'accounts:setStatus': (ctx, { ids, status, invalidReason, note }) =>
    setAccountsStatus(ctx, ids, status, 'operator', invalidDetail(invalidReason, note)),
  'accounts:bulkPreview': (ctx, input) => previewBulkAccounts(ctx, input),
  'accounts:bulkCreate': (ctx, input) => createBulkAccounts(ctx, input),
  'accounts:remove': (ctx, { ids }) => setAccountsStatus(ctx, ids, 'removed', 'operator'),
}
