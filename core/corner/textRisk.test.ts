import { describe, expect, it } from 'vitest';
import { personalDetailsIn } from './textRisk.std';

describe('personal details in readable text', () => {
  it.each([
    ['Contact: amaka.obi@example.ng', 'email'],
    ['Tel +234 803 123 4567', 'phone number'],
    ['(020) 7946 0958', 'phone number'],
    ['DOB: 14/03/1996', 'date of birth'],
    ['Date of birth 3 Mar 1996', 'date of birth'],
    ['12 Allen Avenue, Ikeja', 'address'],
    ['221B Baker Street', 'address'],
    ['London SW1A 1AA', 'address'],
    ['Mountain View, CA 94043', 'address'],
    ['Passport No. A12345678', 'ID number'],
    ['SSN 078-05-1120', 'ID number'],
    ['Policy A1B2C3D4E5', 'ID number'],
    ['Dear Chidi Okafor,', 'name'],
    ['Name: Grace Hopper', 'name'],
  ])('%s -> %s', (text, kind) => {
    expect(personalDetailsIn(text)).toContain(kind);
  });

  it.each([
    'The quick brown dog jumped over the lazy fox',
    'Total 112.50 13.99 4.20',
    'Chapter 12',
    'INGREDIENTS FOR FOUR',
  ])('finds nothing personal in %j', (text) => {
    expect(personalDetailsIn(text)).toEqual([]);
  });

  it('does not read a date as a phone number', () => {
    expect(personalDetailsIn('Invoice 12.03.2024')).not.toContain('phone number');
  });
});
