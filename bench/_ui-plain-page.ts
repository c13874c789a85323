// The baseline page of `npm run bench -- ui`: no framework, the same `proxies:list` through the
// same bridge (POST /api/proxies:list with the page's token), the same page size, and the rows
// written into a plain <table>. Its controls are the interactions the bench drives on the real
// view: a Latency header that cycles ascending, descending, unsorted; a Next page button; a status
// filter; a search box (queried on every input event, no debounce). Served same-origin from a copy
// of the built renderer folder, as a file (the CSP allows scripts from 'self' only).

export const PLAIN_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Plain proxies</title>
<style>
  body { margin: 0; font: 14px system-ui, sans-serif; }
  #bar { display: flex; gap: 8px; padding: 8px; height: 40px; box-sizing: border-box; }
  #wrap { height: calc(100vh - 80px); overflow: auto; }
  table { border-collapse: collapse; width: 100%; }
  th, td { padding: 4px 8px; border-bottom: 1px solid #ddd; text-align: left; white-space: nowrap; }
  th { position: sticky; top: 0; background: #fff; }
  .user { color: #555; font-size: 12px; }
</style></head>
<body>
  <div id="bar">
    <input id="search" type="search" aria-label="Search" placeholder="Search">
    <select id="status" aria-label="Status"><option value="">Any status</option>
      <option value="active">Active</option><option value="inactive">Inactive</option>
      <option value="error">Error</option></select>
    <button id="next" type="button">Next page</button>
    <span id="count" aria-label="Proxy count"></span>
  </div>
  <div id="wrap"><table aria-label="Proxies"><thead><tr>
    <th>Endpoint</th><th>Status</th><th><button id="sort-latency" type="button">Latency</button></th>
    <th>Exit IP</th><th>Country</th><th>Model</th><th>Accounts</th><th>Protocol</th><th>Provider</th>
    <th>Last tested</th>
  </tr></thead><tbody></tbody></table></div>
  <script src="./bench-plain.js"></script>
</body></html>
`

export const PLAIN_JS = `
const params = new URL(location.href).searchParams
const token = params.get('token')
const state = { page: 1, pageSize: Number(params.get('pageSize') || 50), sorted: 0, status: '', search: '' }
let seq = 0
let total = 0
function input() {
  const body = {
    page: state.page,
    pageSize: state.pageSize,
    sortBy: state.sorted ? 'responseTimeMs' : 'id',
    sortDir: state.sorted === 2 ? 'desc' : 'asc',
  }
  if (state.status) body.status = state.status
  if (state.search.trim()) body.search = state.search.trim()
  return body
}
async function load() {
  const mine = ++seq
  const response = await fetch('/api/proxies:list', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
    body: JSON.stringify(input()),
  })
  const envelope = await response.json()
  if (mine !== seq || !envelope.ok) return
  render(envelope.value)
}
function cell(tr, text) {
  const td = document.createElement('td')
  td.textContent = text
  tr.appendChild(td)
  return td
}
function render(page) {
  total = page.total
  document.getElementById('count').textContent = String(page.total)
  const tbody = document.createElement('tbody')
  for (const p of page.items) {
    const tr = document.createElement('tr')
    const endpoint = cell(tr, p.host.includes(':') ? '[' + p.host + ']:' + p.port : p.host + ':' + p.port)
    if (p.username) {
      const user = document.createElement('div')
      user.className = 'user'
      user.textContent = p.username
      endpoint.appendChild(user)
    }
    cell(tr, p.status)
    cell(tr, p.responseTimeMs === null ? '—' : p.responseTimeMs + ' ms')
    cell(tr, p.exitIp || '—')
    cell(tr, p.country || '—')
    cell(tr, p.assignedModelName || '—')
    cell(tr, p.accountCount + '/' + p.maxAccounts)
    cell(tr, p.protocol)
    cell(tr, p.providerName)
    cell(tr, p.lastTestedAt ? new Date(p.lastTestedAt).toLocaleString() : 'never')
    tbody.appendChild(tr)
  }
  document.querySelector('table tbody').replaceWith(tbody)
}
document.getElementById('sort-latency').addEventListener('click', () => {
  state.sorted = (state.sorted + 1) % 3
  state.page = 1
  load()
})
document.getElementById('next').addEventListener('click', () => {
  if (state.page * state.pageSize < total) state.page += 1
  load()
})
document.getElementById('status').addEventListener('change', (event) => {
  state.status = event.target.value
  state.page = 1
  load()
})
document.getElementById('search').addEventListener('input', (event) => {
  state.search = event.target.value
  state.page = 1
  load()
})
load()
`
