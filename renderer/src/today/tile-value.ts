/**
 * A tile's figure split into its number and its unit ("1 700,00" and "₽", "85" and "бонусов"), so
 * the unit can sit smaller and wrap under the number instead of running out of a narrow tile. The
 * unit follows the last no-break space (`Intl` uses the same space between thousands in Russian,
 * and none of the units holds one).
 */
export function splitTileValue(text: string): { number: string; unit: string } {
  const space = text.lastIndexOf('\u00a0');
  if (space === -1 || /\d/.test(text.slice(space + 1))) return { number: text, unit: '' };
  return { number: text.slice(0, space), unit: text.slice(space + 1) };
}
