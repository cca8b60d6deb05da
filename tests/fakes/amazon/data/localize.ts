import type { Marketplace } from '../../../../src/domain/marketplaces/catalogue.js';
import type { LocalizedName, NameLanguage } from './vocabulary.js';

export type StockState = 'IN_STOCK' | 'IN_STOCK_SCARCE' | 'OUT_OF_STOCK' | 'PREORDER';

export function nameLanguage(language: string): NameLanguage {
  const base = language.slice(0, 2);
  return base === 'de' || base === 'fr' || base === 'it' || base === 'es' || base === 'ja' ? base : 'en';
}

export function localName(names: LocalizedName, language: string): string {
  return names[nameLanguage(language)];
}

const AVAILABILITY: Record<StockState, LocalizedName> = {
  IN_STOCK: { en: 'In Stock', de: 'Auf Lager', fr: 'En stock', it: 'Disponibilità immediata', es: 'En stock', ja: '在庫あり' },
  IN_STOCK_SCARCE: {
    en: 'Only {n} left in stock - order soon.', de: 'Nur noch {n} auf Lager', fr: 'Il ne reste plus que {n} exemplaire(s) en stock.',
    it: 'Solo {n} ordinalo presto', es: 'Solo queda(n) {n} en stock.', ja: '残り{n}点 ご注文はお早めに',
  },
  OUT_OF_STOCK: { en: 'Currently unavailable.', de: 'Derzeit nicht verfügbar.', fr: 'Actuellement indisponible.', it: 'Attualmente non disponibile.', es: 'No disponible.', ja: '現在お取り扱いできません。' },
  PREORDER: { en: 'Available for Pre-order.', de: 'Vorbestellbar.', fr: 'Précommande disponible.', it: 'Disponibile per il preordine.', es: 'Disponible para reserva.', ja: '予約受付中' },
};

export function availabilityMessage(state: StockState, language: string, left: number): string {
  return localName(AVAILABILITY[state], language).replace('{n}', String(left));
}

/** The strike-through label Amazon shows next to a list price in each store. */
const LIST_PRICE_LABEL: Record<string, string> = {
  us: 'List Price:', ca: 'List Price:', uk: 'RRP:', ie: 'RRP:', de: 'UVP:', fr: 'Prix conseillé :', be: 'Prix conseillé :',
  it: 'Prezzo consigliato:', es: 'Precio recomendado:', mx: 'Precio de lista:', br: 'De:', jp: '参考価格:', in: 'M.R.P.:',
  nl: 'Adviesprijs:', se: 'Listpris:', pl: 'Cena katalogowa:', tr: 'Liste Fiyatı:',
};

export function listPriceLabel(marketplace: Marketplace): string {
  return LIST_PRICE_LABEL[marketplace.code] ?? 'List Price:';
}

/** `www.amazon.co.uk` → `Amazon.co.uk`, the name Amazon gives itself as a merchant. */
export function amazonMerchantName(marketplace: Marketplace): string {
  return `A${marketplace.domain.replace(/^www\.a/, '')}`;
}
