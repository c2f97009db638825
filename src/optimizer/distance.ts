/** Mean Earth radius (IUGG), km. Travel limits are set in whole km, so a sphere is plenty. */
const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle (haversine) distance between two WGS-84 points, in km. */
export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * The travel rule. The slack keeps a host placed exactly on the limit (as typed into a form)
 * from failing on the last bit of floating point.
 */
export function withinTravelLimit(km: number, maxTravelKm: number): boolean {
  return km <= maxTravelKm + 1e-9;
}
