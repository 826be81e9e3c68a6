/**
 * The deal with a platform, kept in the real session log: real terms attached (Markdown, and a PDF made from
 * them), an answer, a cost and a paid session, read back as the Platforms view, the evidence report and the
 * report card's CSV show them. Refused documents leave nothing behind.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TERMS_FOLDER } from '../../core/app/dataFolder.std';
import { reportCardCsv } from '../../core/terms/reportCardCsv.std';
import { monthRunUp } from '../../core/terms/costs.std';
import { SessionsService } from '../../services/sessions/sessions.node';
import { DealService } from '../../services/terms/deal.node';
import { CORPUS_DIR } from './corpus.node';
import { TERMS_DIR } from './termsTruth.node';
import { termsParagraphs, writeTermsPdf } from './termsPdf.node';

const AGREEMENT = path.join(TERMS_DIR, 'amazon-mechanical-turk-participation-agreement.md');

let dataDir: string;
let scratch: string;
let sessions: SessionsService;
let deal: DealService;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-deal-data-'));
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-deal-files-'));
  sessions = new SessionsService(dataDir);
  deal = new DealService(dataDir, sessions);
});
afterAll(async () => {
  await sessions.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(scratch, { recursive: true, force: true });
});

const sha256Of = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const termsFolders = () => (fs.existsSync(path.join(dataDir, TERMS_FOLDER)) ? fs.readdirSync(path.join(dataDir, TERMS_FOLDER)) : []);

describe('the deal with a platform', () => {
  it('keeps real terms with their fingerprint and text, and shows their red flags, answers, costs and report card', async () => {
    const pdf = path.join(scratch, 'mturk.pdf');
    await writeTermsPdf(pdf, termsParagraphs(AGREEMENT), 50);
    await deal.attachTerms('MTurk', AGREEMENT);
    await deal.attachTerms('MTurk', pdf);
    await expect(deal.attachTerms('MTurk', AGREEMENT)).rejects.toThrow(/already among MTurk's terms \(the same file, by its fingerprint\)/);
    expect(termsFolders()).toHaveLength(2);

    const reply = path.join(scratch, 'support-reply.png');
    fs.copyFileSync(path.join(CORPUS_DIR, 'documents', 'testocr.png'), reply);
    await deal.answer('MTurk', 'pay_timing', 'no', 'Requesters have 30 days to approve.', reply);
    await deal.addCost({ label: 'Internet', basis: 'month', amount: 10, currency: 'USD' });
    await expect(deal.addCost({ label: 'Fee', basis: 'share-of-pay', amount: 150 })).rejects.toThrow(/0 to 100/);
    const started = await sessions.start({ platform: 'MTurk', task: 'gestures', terms: { amount: 0.1, currency: 'USD', per: 'clip' } });
    await sessions.end();
    await sessions.recordPay(started.id, { amount: 2, currency: 'USD' });

    // Sessions show each rate before and after the costs entered here.
    const overview = await sessions.overview();
    const row = overview.summary.find((summary) => summary.platform === 'MTurk')!;
    // This month is not over: it bears the part of its 10 dollars gone by (costs.std.ts).
    const monthCost = 10 * monthRunUp(overview.recent[0]!.startedAtLocal.slice(0, 7), Date.now());
    expect(row.ratesAfterCosts[0]!.amount).toBeCloseTo(row.rates[0]!.amount - monthCost / row.hours, 0);
    expect(overview.recent[0]!.ratesAfterCosts[0]!.amount).toBeLessThan(overview.recent[0]!.rates[0]!.amount);
    expect(overview.weeks.at(-1)!.ratesAfterCosts[0]!.amount).toBeLessThan(overview.weeks.at(-1)!.rates[0]!.amount);

    const view = await deal.deal('MTurk', { amount: 5, currency: 'USD' });
    expect(view.documents.map((document) => [document.name, document.kind])).toEqual([['amazon-mechanical-turk-participation-agreement.md', 'text'], ['mturk.pdf', 'pdf']]);
    const rules = (index: number) => new Set(view.documents[index]!.flags.map((flag) => flag.rule));
    expect(view.documents[0]!.flags.every((flag) => flag.page === undefined)).toBe(true);
    expect(view.documents[1]!.flags.every((flag) => flag.page! >= 1)).toBe(true);
    // The labelled flags of this agreement (truth.json), from the Markdown and from the PDF of its prose alike.
    for (const rule of ['perpetual_licence', 'indemnity', 'unilateral_changes', 'no_appeal_or_dispute', 'moral_rights_waiver']) {
      expect(rules(0)).toContain(rule);
      expect(rules(1)).toContain(rule);
    }
    expect(view.questions.find((question) => question.id === 'pay_timing')).toMatchObject({
      raised: true,
      record: { answer: 'no', platformWords: 'Requesters have 30 days to approve.', reply: { name: 'support-reply.png', sha256: sha256Of(reply) } },
    });
    expect(view.message).toMatch(/^Hello MTurk team,/);
    expect(view.message).not.toMatch(/How many days after approval am I paid/);
    expect(view.card).toMatchObject({ sessions: 1, termsRead: true, received: [{ amount: 2, currency: 'USD' }], costs: [{ amount: expect.closeTo(monthCost, 2), currency: 'USD' }] });
    expect(view.card.factors.find((factor) => factor.factor === 'pay transparency')).toMatchObject({ rating: 'higher risk', reason: expect.stringMatching(/pay at their discretion.*said no to "Is payment promised/) });

    // The evidence report of the session carries the deal it was done under.
    const html = await sessions.evidenceReport(started.id, '0.0.0', (platform, until) => deal.deal(platform, { amount: 5, currency: 'USD' }, until));
    // Without the worker's say-so, none of it: costs and answers are theirs to share.
    const plain = await sessions.evidenceReport(started.id, '0.0.0');
    expect(plain).not.toMatch(/The deal with|Cost entered|Consent question/);
    expect(html).toContain('<h2>The deal with MTurk</h2>');
    expect(html).toMatch(/You pay their legal costs<br><span class="meta">indemnity<\/span><\/td><td>“[^”]*You will indemnify, defend and hold harmless/);
    expect(html).toMatch(/Consent question for MTurk answered &quot;no&quot; on [A-Z][a-z]{2} \d{1,2}, \d{4}: Is payment promised/);
    expect(html).toContain(`their reply kept as support-reply.png, SHA-256 ${sha256Of(reply)}`);
    expect(html).toContain('Cost entered: Internet, USD\u00a010.00 a month');

    const csv = reportCardCsv(view).split('\r\n');
    expect(csv[0]).toBe('row,platform,item,value,currency,detail');
    // Amounts are numbers a spreadsheet sums, a negative one too (no apostrophe keeping it from a formula).
    expect(csv.find((row) => row.startsWith('figure,MTurk,hourly_rate_after_costs,'))).toMatch(/^figure,MTurk,hourly_rate_after_costs,-\d+(\.\d{1,2})?,USD,"?below minimum by [\d.,]+ USD"?$/);
    expect(csv).toContain('figure,MTurk,received,2,USD,');
    expect(csv.filter((row) => row.startsWith('factor,MTurk,'))).toHaveLength(6);
    expect(csv.some((row) => /^red_flag,MTurk,indemnity,You pay their legal costs,,"amazon-mechanical-turk-participation-agreement\.md \d+-\d+: .*You will indemnify/.test(row))).toBe(true);
    expect(csv).toContain(`consent,MTurk,pay_timing,no,,${view.questions.find((question) => question.id === 'pay_timing')!.record!.answeredOn}: Requesters have 30 days to approve.: reply support-reply.png sha256 ${sha256Of(reply)}`);
  });

  it('refuses a file that is no document, a picture with no text or a cancelled read, and keeps nothing of it', async () => {
    const before = termsFolders();
    const notes = path.join(scratch, 'terms.docx');
    fs.writeFileSync(notes, 'not read');
    await expect(deal.attachTerms('MTurk', notes)).rejects.toThrow(/terms\.docx is not a document SafeTake can read/);
    const blank = path.join(scratch, 'blank.png');
    fs.writeFileSync(blank, Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6300010000050001' + '0d0a2db40000000049454e44ae426082', 'hex'));
    await expect(deal.attachTerms('MTurk', blank)).rejects.toThrow(/no text in blank\.png|not a document SafeTake can read/);
    // Cancelled while it is read: nothing kept either.
    await expect(deal.attachTerms('MTurk', path.join(TERMS_DIR, 'open-humans-data-use-policy.md'), AbortSignal.abort())).rejects.toThrow(/Cancelled: the document was not read/);
    expect(termsFolders()).toEqual(before);
    expect((await deal.deal('MTurk', undefined)).documents).toHaveLength(2);
  });

  it('sets an old version aside: no longer read into the deal, its copy and record kept', async () => {
    const [markdown, pdf] = (await deal.deal('MTurk', undefined)).documents;
    await deal.removeTerms('MTurk', pdf!.documentId);
    expect((await deal.deal('MTurk', undefined)).documents.map((document) => document.documentId)).toEqual([markdown!.documentId]);
    expect(fs.existsSync(pdf!.file)).toBe(true);
    await expect(deal.removeTerms('MTurk', pdf!.documentId)).rejects.toThrow(/not among MTurk's terms/);
  });
});
