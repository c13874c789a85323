export {
  previewImport,
  previewImportRows,
  discardImport,
  type ImportContext,
} from './import-preview'
export { commitImport, type CommitOptions } from './import-commit'
export { appendUpload, previewSource } from './import-uploads'
export { exportProxies, type ExportContext } from './export-proxies'
export { exportHistory } from './export-history'
export {
  MAX_IMPORT_FILE_BYTES,
  requireDialogs,
  type FileDialogs,
  type FileFilter,
} from './file-dialogs'
export { BATCH_TTL_MS, MAX_BATCH_ROWS } from './import-batches'
export { parseOneProxy } from './parse-one'
