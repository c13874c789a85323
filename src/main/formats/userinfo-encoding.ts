/**
 * Percent-encoding of the user and password in `user:pass@host:port` and URL lines. The writer
 * encodes the WHATWG userinfo set plus `%`, and nothing else, so gateway usernames such as
 * `user+country-us_session.x1` stay readable; the reader decodes `%XX` runs.
 */

// Characters left as they are: unreserved plus the sub-delims a URL allows in userinfo.
const plainUserinfo = /^[A-Za-z0-9\-._~!$&'()*+,]*$/

export function encodeUserinfo(value: string): string {
  if (plainUserinfo.test(value)) return value
  let out = ''
  for (const char of value) {
    out += plainUserinfo.test(char) ? char : encodeURIComponentStrict(char)
  }
  return out
}

// encodeURIComponent leaves ! ' ( ) * alone, which is what we want; it throws on lone surrogates.
function encodeURIComponentStrict(char: string): string {
  try {
    return encodeURIComponent(char)
  } catch {
    return '%EF%BF%BD'
  }
}

const percentRun = /(?:%[0-9A-Fa-f]{2})+/g

/**
 * Decodes each run of `%XX`; a run that is not valid UTF-8 and a `%` not followed by two hex
 * digits stay literal, so a password like `100%sure` survives.
 */
export function decodeUserinfo(value: string): string {
  if (!value.includes('%')) return value
  return value.replace(percentRun, (run) => {
    try {
      return decodeURIComponent(run)
    } catch {
      return run
    }
  })
}
