import { Badge, Stack, Tabs, Text, Title } from '@mantine/core'
import { IconUsers, IconUsersGroup } from '@tabler/icons-react'
import { useState } from 'react'
import { useQuery } from '../../api'
import { formatCount } from '../../lib/format'
import { defaultAccountFilters, type AccountFilterState } from './account-filters'
import { AccountsPanel } from './AccountsPanel'
import { ModelsPanel } from './ModelsPanel'

type Tab = 'accounts' | 'models'

export function AccountsView() {
  const models = useQuery('models:list')
  const [tab, setTab] = useState<Tab>('accounts')
  const [filters, setFilters] = useState<AccountFilterState>(defaultAccountFilters)
  const list = models.data ?? []
  const activeAccounts = list.reduce((sum, model) => sum + model.stats.activeAccounts, 0)

  function showAccountsOf(modelId: number) {
    setFilters({ ...defaultAccountFilters, modelId })
    setTab('accounts')
  }

  return (
    <Stack gap="lg" component="section" aria-labelledby="accounts-title">
      <div>
        <Title order={1} size="h2" id="accounts-title">
          Accounts
        </Title>
        <Text c="dimmed" size="sm">
          Models and their accounts on each platform. Every active account goes out through one
          proxy, and a proxy only carries accounts of one model.
        </Text>
      </div>
      <Tabs
        value={tab}
        onChange={(value) => {
          setTab((value as Tab | null) ?? 'accounts')
          // Counts move with every account change, here or in another window.
          models.refresh()
        }}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab
            value="accounts"
            leftSection={<IconUsers size={16} aria-hidden />}
            rightSection={
              models.data && (
                <Badge size="sm" variant="light" aria-label={`${activeAccounts} active`}>
                  {formatCount(activeAccounts)}
                </Badge>
              )
            }
          >
            Accounts
          </Tabs.Tab>
          <Tabs.Tab
            value="models"
            leftSection={<IconUsersGroup size={16} aria-hidden />}
            rightSection={
              models.data && (
                <Badge size="sm" variant="light" aria-label={`${list.length} models`}>
                  {formatCount(list.length)}
                </Badge>
              )
            }
          >
            Models
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="accounts" pt="lg">
          <AccountsPanel
            models={list}
            filters={filters}
            onFiltersChange={setFilters}
            onChanged={models.refresh}
          />
        </Tabs.Panel>
        <Tabs.Panel value="models" pt="lg">
          <ModelsPanel models={models} onShowAccounts={showAccountsOf} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
