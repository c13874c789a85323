// In-page timing for `npm run bench -- ui`, installed before any page script (addInitScript), the
// same on the real view and on the plain page.

export interface ProbeResult {
  ms: number
}

export interface ScrollResult {
  frames: number[]
  clientHeight: number
  scrollHeight: number
}

/**
 * `window.__bench`, as page source (a function of this file would reach the page through
 * Function.prototype.toString, with whatever helpers the TypeScript loader wrapped it in):
 * - `firstRowsAt`: ms after navigation start at which the first frame showing a proxy row ended.
 * - `arm(user)`, then `result`: the time from the next input event (pointerdown, keydown, input or
 *   change; the event's own timestamp, so input queueing counts) to the end of the first frame
 *   whose first and last rows are `user`'s ("user-1..user-50"). Rows are told apart by the
 *   `user-N` username every seeded proxy carries. The DOM change is seen by a MutationObserver; the frame that paints it is the next
 *   animation frame, and its end a message posted from that frame's callback, delivered after
 *   its paint. `noFrame` counts the times no frame came (see afterNextPaint).
 * - `scroll(step)`: scrolls the Proxies table's own scroll area (its nearest scrollable ancestor)
 *   from the top to its end by `step` px per animation frame; frame times are the gaps between
 *   animation-frame callbacks.
 */
export const PROBE_JS = `(() => {
  const rowPattern = /user-\\d+/
  // The page as shown: its first and last proxy's user (a filter can keep the first row, say the
  // slowest proxy is also in error, but not the whole page).
  const firstUser = () => {
    const rows = document.querySelectorAll('table[aria-label="Proxies"] tbody tr')
    let first = null
    let last = null
    for (const row of rows) {
      const match = rowPattern.exec(row.textContent || '')
      if (!match) continue
      if (first === null) first = match[0]
      last = match[0]
    }
    return first === null ? null : first + '..' + last
  }
  const bench = { firstRowsAt: null, result: null, firstUser, channels: new Set(), noFrame: 0 }
  // The channel is held until its message comes: an unreferenced port may be collected first.
  const afterPaint = (done) => {
    const channel = new MessageChannel()
    bench.channels.add(channel)
    channel.port1.onmessage = () => {
      bench.channels.delete(channel)
      done(performance.now())
    }
    channel.port2.postMessage(0)
  }
  window.__bench = bench
  // Calls found() once check() holds, looked at after every DOM change (a MutationObserver, so a
  // row written in any task is seen in that task) and on every animation frame.
  const watch = (check, found) => {
    let done = false
    const observer = new MutationObserver(() => look())
    const look = () => {
      if (done || !check()) return
      done = true
      observer.disconnect()
      found()
    }
    observer.observe(document, { childList: true, subtree: true, characterData: true })
    const frame = () => {
      look()
      if (!done) requestAnimationFrame(frame)
    }
    requestAnimationFrame(frame)
    look()
  }
  // The end of the frame that paints the DOM as it is now: the next animation frame, then a
  // message (delivered after that frame's paint). A page that gets no frame within 250 ms (a
  // headless quirk seen on a loaded machine) counts from the DOM change and is counted.
  bench.noFrame = 0
  const afterNextPaint = (done) => {
    const dom = performance.now()
    let settled = false
    const timer = setTimeout(() => {
      if (settled) return
      settled = true
      bench.noFrame += 1
      done(dom)
    }, 250)
    requestAnimationFrame(() =>
      afterPaint((at) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        done(at)
      }),
    )
  }
  const startWatching = () =>
    watch(
      () => firstUser() !== null,
      () => afterNextPaint((at) => (bench.firstRowsAt = at)),
    )
  startWatching()

  let armed = null
  for (const type of ['pointerdown', 'keydown', 'input', 'change']) {
    addEventListener(type, (event) => {
      if (armed && armed.start === null) armed.start = event.timeStamp
    }, true)
  }
  bench.arm = (expected) => {
    const current = { start: null, expected }
    armed = current
    bench.result = new Promise((resolve) => {
      watch(
        () => current.start !== null && firstUser() === expected,
        () => {
          const start = current.start
          armed = null
          afterNextPaint((at) => resolve({ ms: at - start }))
        },
      )
    })
  }
  bench.scroll = (step) => {
    const table = document.querySelector('table[aria-label="Proxies"]')
    let el = table && table.parentElement
    while (el && el !== document.body) {
      const overflow = getComputedStyle(el).overflowY
      if (el.scrollHeight > el.clientHeight + 1 && /(auto|scroll)/.test(overflow)) break
      el = el.parentElement
    }
    const scroller = el && el !== document.body ? el : document.scrollingElement
    scroller.scrollTop = 0
    return new Promise((resolve) => {
      const frames = []
      let last = null
      let settle = 3
      const tick = (at) => {
        if (last !== null) frames.push(at - last)
        last = at
        const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1
        // A few frames past the end: the rows the last steps brought in are drawn too.
        if (atEnd && --settle <= 0) {
          resolve({ frames, clientHeight: scroller.clientHeight, scrollHeight: scroller.scrollHeight })
          return
        }
        if (!atEnd) scroller.scrollTop += step
        requestAnimationFrame(tick)
      }
      // Two frames first: the jump to the top is not part of the scroll.
      requestAnimationFrame(() => requestAnimationFrame(tick))
    })
  }
})()`
