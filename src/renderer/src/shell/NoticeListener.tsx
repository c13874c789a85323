import { useEffect } from 'react'
import { useApi } from '../api'
import { useNotify } from './notices'

/** Shows the notices main pushes (`app:notice`), such as monitor alerts. */
export function NoticeListener() {
  const client = useApi()
  const notify = useNotify()
  useEffect(() => client.on('app:notice', (notice) => notify(notice)), [client, notify])
  return null
}
