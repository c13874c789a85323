import '@mantine/core/styles.css'
import '@mantine/dates/styles.css'
import '@mantine/charts/styles.css'
import '@mantine/spotlight/styles.css'
import 'mantine-react-table/styles.css'
import './global.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createClient } from '../../shared/client'
import { App } from './App'
import { selectTransport } from './api'
import { preloadRoute } from './shell/routes'
import { readRoute } from './shell/use-hash-route'

// The first view's chunk loads while React starts (routes.tsx).
preloadRoute(readRoute())
const { kind, transport } = selectTransport()
const root = document.getElementById('root')
if (!root) throw new Error('index.html lacks #root')

createRoot(root).render(
  <StrictMode>
    <App client={createClient(transport)} kind={kind} />
  </StrictMode>,
)
