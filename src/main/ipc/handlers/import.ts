import {
  commitImport,
  discardImport,
  previewImport,
  previewImportRows,
} from '../../services/transfer'
import { importRowDetector } from '../../checks/detect-protocol'
import type { HandlerMap } from '../handler'

export const importHandlers: HandlerMap<
  'import:preview' | 'import:previewRows' | 'import:commit' | 'import:discard'
> = {
  'import:preview': (ctx, input) => previewImport(ctx, input),
  'import:previewRows': (ctx, input) => previewImportRows(ctx, input),
  'import:commit': async (ctx, input) =>
    commitImport(
      ctx,
      input,
      input.detectProtocol ? importRowDetector(ctx, await ctx.checks.checker()) : undefined,
    ),
  'import:discard': (ctx, { importId }) => discardImport(ctx, importId),
}
