import { Decimal } from 'decimal.js';

/** How a language says a whole number below a hundred, and its place words. */
interface NumberWords {
  belowHundred: (n: number) => string;
  hundred: string;
  thousand: string;
  lakh: string;
  crore: string;
  rupees: string;
  paise: string;
  and: string;
  only: string;
  /** Where the currency word goes: before the number (English) or after it (Hindi). */
  currencyFirst: boolean;
}

const ONES = ['', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Eleven', 'Twelve', 'Thirteen', 'Fourteen', 'Fifteen', 'Sixteen', 'Seventeen', 'Eighteen', 'Nineteen'];
const TENS = ['', '', 'Twenty', 'Thirty', 'Forty', 'Fifty', 'Sixty', 'Seventy', 'Eighty', 'Ninety'];

const english: NumberWords = {
  belowHundred: (n) => (n < 20 ? ONES[n]! : [TENS[Math.floor(n / 10)]!, ONES[n % 10]!].filter(Boolean).join(' ')),
  hundred: 'Hundred',
  thousand: 'Thousand',
  lakh: 'Lakh',
  crore: 'Crore',
  rupees: 'Rupees',
  paise: 'Paise',
  and: 'and',
  only: 'Only',
  currencyFirst: true,
};

// Hindi names every number below a hundred with its own word.
const HINDI = (
  'शून्य एक दो तीन चार पाँच छह सात आठ नौ दस ग्यारह बारह तेरह चौदह पंद्रह सोलह सत्रह अठारह उन्नीस ' +
  'बीस इक्कीस बाईस तेईस चौबीस पच्चीस छब्बीस सत्ताईस अट्ठाईस उनतीस तीस इकतीस बत्तीस तैंतीस चौंतीस पैंतीस छत्तीस सैंतीस अड़तीस उनतालीस ' +
  'चालीस इकतालीस बयालीस तैंतालीस चवालीस पैंतालीस छियालीस सैंतालीस अड़तालीस उनचास पचास इक्यावन बावन तिरेपन चौवन पचपन छप्पन सत्तावन अट्ठावन उनसठ ' +
  'साठ इकसठ बासठ तिरेसठ चौंसठ पैंसठ छियासठ सड़सठ अड़सठ उनहत्तर सत्तर इकहत्तर बहत्तर तिहत्तर चौहत्तर पचहत्तर छिहत्तर सतहत्तर अठहत्तर उन्यासी ' +
  'अस्सी इक्यासी बयासी तिरासी चौरासी पचासी छियासी सत्तासी अट्ठासी नवासी नब्बे इक्यानबे बानबे तिरानबे चौरानबे पंचानबे छियानबे सत्तानबे अट्ठानबे निन्यानबे'
).split(' ');

const hindi: NumberWords = {
  belowHundred: (n) => HINDI[n]!,
  hundred: 'सौ',
  thousand: 'हज़ार',
  lakh: 'लाख',
  crore: 'करोड़',
  rupees: 'रुपये',
  paise: 'पैसे',
  and: 'और',
  only: 'मात्र',
  currencyFirst: false,
};

/** Languages amounts are spelled in, by locale's language; others are spelled in English. */
const LANGUAGES: Record<string, NumberWords> = { en: english, hi: hindi };

function wordsOf(n: number, w: NumberWords): string[] {
  if (n === 0) return [];
  const parts: string[] = [];
  // Indian places: crores (which may themselves run past a hundred), lakhs, thousands, hundreds.
  const crores = Math.floor(n / 1e7);
  if (crores > 0) parts.push(...wordsOf(crores, w), w.crore);
  const lakhs = Math.floor(n / 1e5) % 100;
  if (lakhs > 0) parts.push(w.belowHundred(lakhs), w.lakh);
  const thousands = Math.floor(n / 1e3) % 100;
  if (thousands > 0) parts.push(w.belowHundred(thousands), w.thousand);
  const hundreds = Math.floor(n / 100) % 10;
  if (hundreds > 0) parts.push(w.belowHundred(hundreds), w.hundred);
  const rest = n % 100;
  if (rest > 0) parts.push(w.belowHundred(rest));
  return parts;
}

/**
 * An amount of rupees in words, in the Indian system (lakh, crore), as printed on bills and
 * receipts: "Rupees One Lakh Twenty Thousand and Fifty Paise Only", "एक लाख बीस हज़ार रुपये मात्र".
 * Paise are rounded to two places; a negative amount is spelled as its size.
 */
export function amountInWords(amount: Decimal.Value, locale: string): string {
  const w = LANGUAGES[locale.split(/[_-]/)[0]!.toLowerCase()] ?? english;
  const value = new Decimal(amount).abs().toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const rupees = value.floor().toNumber();
  const paise = value.minus(value.floor()).times(100).toNumber();
  const rupeeWords = rupees === 0 ? [w.belowHundred(0) || 'Zero'] : wordsOf(rupees, w);
  const whole = w.currencyFirst ? [w.rupees, ...rupeeWords] : [...rupeeWords, w.rupees];
  const fraction = paise > 0 ? [w.and, w.belowHundred(paise), w.paise] : [];
  return [...whole, ...fraction, w.only].join(' ');
}

/** An amount with Indian digit grouping and two decimals: 123456.5 → "1,23,456.50". */
export function indianAmount(amount: Decimal.Value): string {
  const value = new Decimal(amount).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const [whole, fraction] = value.abs().toFixed(2).split('.') as [string, string];
  const lastThree = whole.slice(-3);
  const rest = whole.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ',');
  return `${value.isNegative() ? '-' : ''}${rest ? `${rest},` : ''}${lastThree}.${fraction}`;
}
