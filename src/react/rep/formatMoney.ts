/** Formats a decimal money string for display (the edge: `Intl.NumberFormat`, never arithmetic). */
export function formatMoney(amount: string, currency: string, locale = 'en'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(Number(amount));
}
