/**
 * Third-party data shipped with ProxyDeck whose licence asks for attribution in the product.
 * Shown in the About section (renderer) and the macOS/Linux About panel (Electron).
 */
export const GEO_ATTRIBUTION =
  'This product includes GeoLite2 data created by MaxMind, available from https://www.maxmind.com. ' +
  'Used under the GeoLite2 End User License Agreement (https://www.maxmind.com/en/geolite2/eula), ' +
  'redistributed by the ip-location-db project.'
