import {
  appendUpload,
  commitImport,
  discardImport,
  previewImport,
  previewImportRows,
  previewSource,
  parseOneProxy,
} from '../../services/transfer'
import { importRowDetector } from '../../checks/detect-protocol'
import type { HandlerMap } from '../handler'

export const importHandlers: HandlerMap<
  | 'import:upload'
  | 'import:preview'
  | 'import:previewRows'
  | 'import:commit'
  | 'import:discard'
  | 'import:parseLine'
> = {
  'import:upload': (ctx, input) => appendUpload(ctx, input),
  'import:preview': (ctx, input) => previewImport(ctx, previewSource(ctx, input)),
  'import:previewRows': (ctx, input) => previewImportRows(ctx, input),
  // Not an async function: without detection the answer must settle as soon as the commit does
  // (calls waiting on the import's gate are ordered after it; import-exclusive.test.ts).
  'import:commit': (ctx, input) =>
    input.detectProtocol
      ? ctx.checks
          .checker()
          .then((checker) => commitImport(ctx, input, importRowDetector(ctx, checker)))
      : commitImport(ctx, input),
  'import:discard': (ctx, { importId }) => discardImport(ctx, importId),
  'import:parseLine': (_ctx, input) => parseOneProxy(input),
}
