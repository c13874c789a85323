import { z } from 'zod'
import { defineContract } from '../contract'
import { historyActions, historyActors, historyReasons } from '../domain'
import { exportLineShapes } from '../import-types'
import { id } from './common'
import { epochMs, ids, oneOrMany } from './fields'
import { proxyFilterSelection } from './proxies'

/*
 * Exports are built in main. `destination: 'dialog'` (desktop) asks the operator where to save
 * with a native dialog and writes the file there; `destination: 'download'` (the HTTP bridge)
 * returns the content for the browser to offer as a download. Passwords are written only when
 * asked for and confirmed (`includePasswords` and `confirmPasswords` both true).
 */

export const exportDestinations = ['dialog', 'download'] as const
export type ExportDestination = (typeof exportDestinations)[number]

export const proxyExportFormats = ['txt', 'csv', 'json'] as const
export type ProxyExportFormat = (typeof proxyExportFormats)[number]

export const proxyExportScope = z.discriminatedUnion('kind', [
  /** The operator's selection, exported in id order. */
  z.strictObject({ kind: z.literal('ids'), ids }),
  /** What `proxies:list` shows for the same filters, every page, but `exceptIds`. */
  z.strictObject({ kind: z.literal('filter'), ...proxyFilterSelection }),
  z.strictObject({ kind: z.literal('all') }),
])

export const exportProxiesInput = z
  .strictObject({
    scope: proxyExportScope,
    format: z.enum(proxyExportFormats),
    /**
     * txt only. `auto` keeps each proxy's protocol (colon shape for plain http, URL otherwise);
     * `host:port:user:pass` and `user:pass@host:port` carry none: import them with the same default.
     */
    lineShape: z.enum(exportLineShapes).default('auto'),
    includePasswords: z.boolean().default(false),
    /** Set by the renderer's confirmation dialog; required with `includePasswords`. */
    confirmPasswords: z.boolean().default(false),
    destination: z.enum(exportDestinations),
  })
  .refine((input) => !input.includePasswords || input.confirmPasswords, {
    error:
      'Passwords are written to the file only after the operator confirms it ' +
      '(set confirmPasswords after asking)',
    path: ['confirmPasswords'],
  })

export const exportHistoryInput = z
  .strictObject({
    proxyId: id.optional(),
    accountId: id.optional(),
    modelId: id.optional(),
    action: oneOrMany(historyActions).optional(),
    reason: oneOrMany(historyReasons).optional(),
    assignedBy: z.enum(historyActors).optional(),
    /** Inclusive lower bound, epoch ms. */
    from: epochMs.optional(),
    /** Exclusive upper bound, epoch ms. */
    to: epochMs.optional(),
    destination: z.enum(exportDestinations),
  })
  .refine((input) => input.from === undefined || input.to === undefined || input.from < input.to, {
    error: '"from" must be before "to"',
    path: ['to'],
  })

/** `dialog`: written where the operator chose. */
export interface SavedExport {
  destination: 'dialog'
  path: string
  bytes: number
  /** Proxies (or history rows) in the file. */
  count: number
}

/** `download`: the file's content, for the bridge's renderer to offer as a download. */
export interface DownloadableExport {
  destination: 'download'
  filename: string
  mimeType: string
  content: string
  bytes: number
  count: number
}

export type ExportResult = SavedExport | DownloadableExport

export const exportContracts = {
  'export:proxies': defineContract<ExportResult>()('export:proxies', exportProxiesInput),
  'export:history': defineContract<ExportResult>()('export:history', exportHistoryInput),
}

export type ExportProxiesInput = z.output<typeof exportProxiesInput>
export type ExportHistoryInput = z.output<typeof exportHistoryInput>
