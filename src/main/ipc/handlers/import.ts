import {
  commitImport,
  discardImport,
  previewImport,
  previewImportRows,
} from '../../services/transfer'
import type { HandlerMap } from '../handler'

export const importHandlers: HandlerMap<
  'import:preview' | 'import:previewRows' | 'import:commit' | 'import:discard'
> = {
  'import:preview': (ctx, input) => previewImport(ctx, input),
  'import:previewRows': (ctx, input) => previewImportRows(ctx, input),
  'import:commit': (ctx, input) => commitImport(ctx, input),
  'import:discard': (ctx, { importId }) => discardImport(ctx, importId),
}
