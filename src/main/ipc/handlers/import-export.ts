import {
  commitImport,
  discardImport,
  exportHistory,
  exportProxies,
  previewImport,
  previewImportRows,
} from '../../services/io'
import type { HandlerMap } from '../handler'

export const importExportHandlers: HandlerMap<
  | 'import:preview'
  | 'import:previewRows'
  | 'import:commit'
  | 'import:discard'
  | 'export:proxies'
  | 'export:history'
> = {
  'import:preview': (ctx, input) => previewImport(ctx, input),
  'import:previewRows': (ctx, input) => previewImportRows(ctx, input),
  'import:commit': (ctx, input) => commitImport(ctx, input),
  'import:discard': (ctx, { importId }) => discardImport(ctx, importId),
  'export:proxies': (ctx, input) => exportProxies(ctx, input),
  'export:history': (ctx, input) => exportHistory(ctx, input),
}
