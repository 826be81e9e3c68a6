/**
 * What kind of personal detail a piece of readable text looks like. OCR output is noisy, so each pattern
 * is deliberately simple and tolerant; a match raises the severity of a "Readable text" risk, it never
 * decides on its own whether text is there. Pure.
 */
import { t } from '../i18n/i18n.std';

export type PersonalDetail = 'email' | 'phone number' | 'date of birth' | 'address' | 'ID number' | 'name';

const DETAIL_KEYS = {
  email: 'corner.detail.email',
  'phone number': 'corner.detail.phoneNumber',
  'date of birth': 'corner.detail.dateOfBirth',
  address: 'corner.detail.address',
  'ID number': 'corner.detail.idNumber',
  name: 'corner.detail.name',
} as const satisfies Record<PersonalDetail, string>;

/** A kind of personal detail in the current language (the kinds themselves are ids in the scan's data). */
export function personalDetailName(detail: PersonalDetail): string {
  return t(DETAIL_KEYS[detail]);
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.-]+/;
/** Seven or more digits, optionally grouped by spaces, dots, dashes or brackets, optionally with +country. */
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}/;
/** "12.50" inside a run of numbers: prices on a receipt, not a phone number. */
const PRICE = /\d\.\d{2}(?!\d)/;
const DATE = /\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}|(?:19|20)\d{2}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d{2})\b/i;
const BIRTH_WORDS = /\b(?:d\.?o\.?b|date of birth|born|birth ?date|geboren|née?)\b/i;
const STREET_WORDS =
  /\b\d{1,5}[A-Za-z]?,?\s+(?:[A-Z][a-z]+\s+){1,3}(?:st|street|rd|road|ave|avenue|lane|ln|drive|dr|blvd|boulevard|way|close|crescent|court|ct|place|pl|square|sq|terrace|highway|hwy|straat|strasse|straße|weg)\b\.?/i;
/** Postal codes: UK (SW1A 1AA), US ZIP after a state (CA 94043), Canada (K1A 0B1), Dutch (1234 AB). */
const POSTCODE = /\b(?:[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|[A-Z]{2}\s+\d{5}(?:-\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{4}\s?[A-Z]{2})\b/;
const ADDRESS_WORDS = /\b(?:address|p\.?\s?o\.? box|apt\.?|apartment|suite|flat \d)\b/i;
/** Letters and at least four digits in one run of 8+ (passports, national IDs, policy numbers), or a US SSN. */
const ID_NUMBER = /\b(?=[A-Z0-9]*(?:\d[A-Z]*){4})(?=[A-Z0-9]*[A-Z])[A-Z0-9]{8,}\b|\b\d{3}-\d{2}-\d{4}\b/;
const ID_WORDS = /\b(?:passport|licen[cs]e no|id no|identity|national id|ssn|social security|account (?:no|number)|iban|nin|bvn|patient)\b/i;
/** A cue word (either case) then one to three capitalised words: "Dear Chidi Okafor", "Name: Grace Hopper". */
const NAME_CUE = /\b(?:[Nn]ame|NAME|[Dd]ear|Mrs?|Ms|Miss|Dr|[Aa]ttn|[Pp]atient)\b[.:,]?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z.]+){0,2}/;

/** The kinds of personal detail `text` seems to contain, most sensitive first, each at most once. */
export function personalDetailsIn(text: string): PersonalDetail[] {
  const found: PersonalDetail[] = [];
  if (EMAIL.test(text)) found.push('email');
  const hasDate = DATE.test(text);
  if (hasDate && BIRTH_WORDS.test(text)) found.push('date of birth');
  if (ID_WORDS.test(text) || ID_NUMBER.test(text)) found.push('ID number');
  if (STREET_WORDS.test(text) || ADDRESS_WORDS.test(text) || POSTCODE.test(text)) found.push('address');
  const phone = PHONE.exec(text.replace(new RegExp(DATE.source, 'gi'), ' '))?.[0] ?? '';
  if (digitsIn(phone) >= 7 && !PRICE.test(phone)) found.push('phone number');
  if (NAME_CUE.test(text)) found.push('name');
  return found;
}

function digitsIn(text: string): number {
  return text.replace(/\D/g, '').length;
}
