import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type OpenedApp } from './support/open-app'

let app: OpenedApp

beforeAll(async () => {
  app = await openApp()
  await app.page.goto(`${app.bridge.url.split('?')[0]}#/settings`)
  await app.page.getByRole('form', { name: 'Platform targets' }).waitFor()
})

afterAll(async () => {
  await app?.close()
})

const section = () => app.page.getByRole('form', { name: 'Platform targets' })

describe('Settings → Platform targets', () => {
  it('refuses a range whose minimum is above its maximum next to the field, then saves a keyword', async () => {
    const before = await app.call('settings:get', undefined)
    const lowest = section().getByRole('textbox', { name: 'TikTok lowest expected status' })
    await lowest.fill('500')
    await section().getByRole('button', { name: 'Save targets' }).click()
    const message = section().getByText('The highest expected status cannot be below the lowest')
    await message.waitFor()
    await section().getByText('Not saved').waitFor()
    expect(await app.call('settings:get', undefined)).toEqual(before)
    await section().screenshot({
      path: '/tmp/proxydeck-platform-targets-refused.png',
      animations: 'disabled',
    })
    expect(await message.isVisible()).toBe(true)

    await lowest.fill('200')
    await section().getByRole('textbox', { name: 'Reddit keyword' }).fill('reddit')
    await section().getByRole('button', { name: 'Save targets' }).click()
    await app.page.getByText('Platform targets saved').waitFor()
    const after = await app.call('settings:get', undefined)
    expect(after.platformTargets.reddit.keyword).toBe('reddit')
    expect(after.platformTargets.tiktok).toEqual(before.platformTargets.tiktok)
    expect(app.problems).toEqual([])
  })
})
