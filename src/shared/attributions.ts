/**
 * Third-party data shipped with ProxyDeck whose licence asks for attribution in the product.
 * Shown in the About section (renderer) and the macOS/Linux About panel (Electron).
 */
export const GEO_ATTRIBUTION =
  'This product includes GeoLite2 data created by MaxMind, available from https://www.maxmind.com. ' +
  'Used under the GeoLite2 End User License Agreement (https://www.maxmind.com/en/geolite2/eula), ' +
  'redistributed by the ip-location-db project.'

/** The bundled ASN data (ip-location-db's `asn` package), each source CC BY 4.0. */
export const ASN_ATTRIBUTION =
  'Network (ASN) data: IP to AS Number data by RouteViews (https://www.routeviews.org), ' +
  'statistics by the NRO (https://www.nro.net) and the IP to ASN Lite database by DB-IP ' +
  '(https://db-ip.com), each licensed under CC BY 4.0 ' +
  '(https://creativecommons.org/licenses/by/4.0/), merged and redistributed with modifications ' +
  'by the ip-location-db project.'

/** Everything above, for places that show one block of text (the About panel). */
export const DATA_ATTRIBUTIONS = `${GEO_ATTRIBUTION}\n\n${ASN_ATTRIBUTION}`
