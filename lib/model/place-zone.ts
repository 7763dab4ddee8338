// TEMPORARY stub until the place-zone resolver lands (branch h/place-zone).
export function resolveLocalZone(
  _event: { location: string | null },
  context: { explicitZone?: string | null; carrierCountry?: string | null; shopperZone: string },
): { zone: string; basis: 'explicit' | 'place' | 'carrier' | 'shopper' } {
  if (context.explicitZone) return { zone: context.explicitZone, basis: 'explicit' };
  return { zone: context.shopperZone, basis: 'shopper' };
}
