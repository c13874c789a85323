import { accountPlatforms, type AccountPlatform } from '../../../shared/domain'

const labels: Record<AccountPlatform, string> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  twitter: 'Twitter / X',
  reddit: 'Reddit',
  onlyfans: 'OnlyFans',
  other: 'Other',
}

// Brand-ish colours so a platform is recognisable at a glance in long lists.
const colors: Record<AccountPlatform, string> = {
  instagram: 'pink',
  tiktok: 'violet',
  twitter: 'blue',
  reddit: 'orange',
  onlyfans: 'cyan',
  other: 'gray',
}

export function platformLabel(platform: AccountPlatform): string {
  return labels[platform]
}

export function platformColor(platform: AccountPlatform): string {
  return colors[platform]
}

export const platformOptions = accountPlatforms.map((value) => ({ value, label: labels[value] }))
