/**
 * The browser locale a profile leaving through a country would most plausibly have: the
 * country's main language, as a BCP 47 tag. Only countries with one clear choice are listed; an
 * unknown or ambiguous country suggests nothing (the operator decides), never a guess.
 */
const countryLocales: Readonly<Record<string, string>> = {
  AE: 'ar-AE',
  AR: 'es-AR',
  AT: 'de-AT',
  AU: 'en-AU',
  BD: 'bn-BD',
  BG: 'bg-BG',
  BR: 'pt-BR',
  CA: 'en-CA',
  CH: 'de-CH',
  CL: 'es-CL',
  CN: 'zh-CN',
  CO: 'es-CO',
  CZ: 'cs-CZ',
  DE: 'de-DE',
  DK: 'da-DK',
  EG: 'ar-EG',
  ES: 'es-ES',
  FI: 'fi-FI',
  FR: 'fr-FR',
  GB: 'en-GB',
  GR: 'el-GR',
  HK: 'zh-HK',
  HU: 'hu-HU',
  ID: 'id-ID',
  IE: 'en-IE',
  IL: 'he-IL',
  IN: 'en-IN',
  IT: 'it-IT',
  JP: 'ja-JP',
  KR: 'ko-KR',
  MX: 'es-MX',
  MY: 'ms-MY',
  NG: 'en-NG',
  NL: 'nl-NL',
  NO: 'nb-NO',
  NZ: 'en-NZ',
  PE: 'es-PE',
  PH: 'en-PH',
  PK: 'ur-PK',
  PL: 'pl-PL',
  PT: 'pt-PT',
  RO: 'ro-RO',
  RS: 'sr-RS',
  RU: 'ru-RU',
  SA: 'ar-SA',
  SE: 'sv-SE',
  SG: 'en-SG',
  SK: 'sk-SK',
  TH: 'th-TH',
  TR: 'tr-TR',
  TW: 'zh-TW',
  UA: 'uk-UA',
  US: 'en-US',
  VN: 'vi-VN',
  ZA: 'en-ZA',
}

/** `US` → `en-US`; lower case is accepted; unknown, empty or null → null. */
export function suggestedLocale(country: string | null | undefined): string | null {
  if (!country) return null
  return countryLocales[country.trim().toUpperCase()] ?? null
}
