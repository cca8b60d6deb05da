import type { Random } from './prng.js';

export interface Money {
  amount: number;
  currency: string;
  displayAmount: string;
}

/** Rough US-dollar exchange, so the same product costs a believable amount in every store. */
const PER_USD: Record<string, number> = {
  USD: 1, CAD: 1.37, MXN: 18.5, BRL: 5.4, GBP: 0.8, EUR: 0.93, SEK: 10.6, PLN: 4.0, TRY: 34, AED: 3.67,
  SAR: 3.75, EGP: 49, INR: 84, JPY: 152, SGD: 1.35, AUD: 1.52,
};

export function fractionDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Localised like Amazon's `displayAmount` (`24,99 €`, `£24.99`, `￥2,499`). ICU puts no-break
 * spaces between number and symbol; they become plain spaces so tests can compare with literals.
 */
export function formatMoney(amount: number, currency: string, language: string): string {
  return new Intl.NumberFormat(language.replace('_', '-'), { style: 'currency', currency }).format(amount).replace(/[\u00a0\u202f]/g, ' ');
}

export function money(amount: number, currency: string, language: string): Money {
  return { amount, currency, displayAmount: formatMoney(amount, currency, language) };
}

/** A shelf price from a dollar base: `.99`-style endings, whole `…9` amounts for yen and rupees. */
export function shelfPrice(usd: number, currency: string, random: Random): number {
  const raw = usd * (PER_USD[currency] ?? 1) * random.between(0.94, 1.08);
  if (fractionDigits(currency) === 0 || currency === 'INR') {
    const step = raw >= 1000 ? 100 : 10;
    return Math.max(step - 1, Math.round(raw / step) * step - 1);
  }
  const whole = Math.max(1, Math.floor(raw));
  return round2(whole + random.pick([0.99, 0.99, 0.95, 0.49, 0.0]));
}

/** A list price above the shelf price, rounded the same way. */
export function listPriceAbove(price: number, currency: string, random: Random): number {
  const raw = price * random.between(1.12, 1.45);
  if (fractionDigits(currency) === 0 || currency === 'INR') return Math.round(raw / 10) * 10;
  return round2(Math.ceil(raw) - 0.01);
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
