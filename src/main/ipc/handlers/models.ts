import { createModel, getModel, listModels, removeModel, updateModel } from '../../services/models'
import type { HandlerMap } from '../handler'

export const modelHandlers: HandlerMap<
  'models:list' | 'models:get' | 'models:create' | 'models:update' | 'models:remove'
> = {
  'models:list': (ctx, filter) => listModels(ctx, filter),
  'models:get': (ctx, { id }) => getModel(ctx, id),
  'models:create': (ctx, input) => createModel(ctx, input),
  'models:update': (ctx, input) => updateModel(ctx, input),
  'models:remove': (ctx, { id }) => removeModel(ctx, id),
}
