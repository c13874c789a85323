type Keytar = typeof import('keytar')

/** Why a keychain call failed, in words that can go straight into an operator's message. */
export class KeychainError extends Error {
  override readonly name = 'KeychainError'
}

let keytarLoading: Promise<Keytar> | undefined

/**
 * keytar is loaded on first use rather than imported at the top: a native module that fails to
 * load (libsecret missing, wrong build) then degrades the vault to "unavailable" instead of
 * stopping the whole main process.
 */
function loadKeytar(): Promise<Keytar> {
  keytarLoading ??= import('keytar').then(
    (mod: Keytar & { default?: Keytar }) => mod.default ?? mod,
  )
  return keytarLoading
}

/**
 * libsecret can block without end (a D-Bus peer that accepts the connection and never answers, a
 * Secret Service waiting on an unlock prompt nobody sees), so every call gets a deadline. The
 * native call itself cannot be cancelled: it keeps one libuv worker thread until D-Bus gives up.
 */
async function withDeadline<T>(
  what: string,
  timeoutMs: number,
  call: (keytar: Keytar) => Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new KeychainError(`it did not answer within ${formatSeconds(timeoutMs)}`)),
      timeoutMs,
    )
  })
  try {
    const work = loadKeytar().then(call, (error: unknown) => {
      throw new KeychainError(`the keytar native module could not be loaded: ${describe(error)}`)
    })
    return await Promise.race([work, deadline])
  } catch (error) {
    if (error instanceof KeychainError) throw error
    throw new KeychainError(`${what} failed: ${describe(error)}`)
  } finally {
    clearTimeout(timer)
  }
}

export function readKeychainEntry(
  service: string,
  account: string,
  timeoutMs: number,
): Promise<string | null> {
  return withDeadline('reading the key', timeoutMs, (keytar) =>
    keytar.getPassword(service, account),
  )
}

export function writeKeychainEntry(
  service: string,
  account: string,
  secret: string,
  timeoutMs: number,
): Promise<void> {
  return withDeadline('storing a new key', timeoutMs, (keytar) =>
    keytar.setPassword(service, account, secret),
  )
}

export function deleteKeychainEntry(
  service: string,
  account: string,
  timeoutMs: number,
): Promise<boolean> {
  return withDeadline('deleting the key', timeoutMs, (keytar) =>
    keytar.deletePassword(service, account),
  )
}

/**
 * Writes and deletes a throwaway entry beside the key. A locked keyring reads as "no entry", so
 * before concluding that a key is missing (and perhaps creating one) this tells "locked" from
 * "empty": on a locked keyring the write fails (see isLockedKeychain).
 */
export async function probeKeychainWritable(
  service: string,
  account: string,
  timeoutMs: number,
): Promise<void> {
  const probe = `${account}.probe`
  await withDeadline('storing an entry', timeoutMs, (keytar) =>
    keytar.setPassword(service, probe, 'ProxyDeck checks that the keychain accepts entries'),
  )
  await deleteKeychainEntry(service, probe, timeoutMs)
}

/** Secret Service: "Cannot create an item in a locked collection"; macOS: interaction not allowed. */
export function isLockedKeychain(error: KeychainError): boolean {
  return /\blocked\b|interaction is not allowed/i.test(error.message)
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.trim().replace(/\.$/, '') || 'no reason given'
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`
}
