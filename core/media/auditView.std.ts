/**
 * The audit table as a worker reads it: three lines that say what matters (where, who and what device, when),
 * then the tags, repeats grouped, tracks paired by what they carry (the copy may number its tracks the other
 * way round), and a zeroed date shown as what it is: removed.
 */
import { t } from '../i18n/i18n.std';
import type { AuditReport } from './audit.std';
import { type IdentifyingRuleId, identifyingRule } from './identifyingTags.std';

type Tag = AuditReport['tags'][number];

/** A date ExifTool prints for a field that is there but empty ("0000:00:00 00:00:00", "0000-00-00T00:00:00Z"). */
const ZEROED_DATE = /^0{4}[:-]0{2}[:-]0{2}(?:[ T]0{2}:0{2}(?::0{2}(?:\.0+)?)?)?(?:Z|[+-]0{2}:?0{2})?$/;
export const isZeroed = (value: string): boolean => ZEROED_DATE.test(value.trim());

/** What each summary line (`audit.summary.*`) gathers, by the identifying rule that found a tag. */
const SUMMARY_LINES: ReadonlyArray<{ id: 'where' | 'who' | 'when'; rules: readonly IdentifyingRuleId[] }> = [
  { id: 'where', rules: ['location', 'telemetry'] },
  { id: 'who', rules: ['device', 'names', 'contentId', 'software', 'makerNotes', 'cameraStream'] },
  { id: 'when', rules: ['date'] },
];

/**
 * Which values a line quotes first: a place as a whole (coordinates) before its parts, the device and names
 * before the software that wrote the file.
 */
const QUOTE_FIRST: readonly RegExp[] = [/Coordinates|GPSPosition|ISO6709|^Make$|^Model$|Serial|Author|Artist|Owner/i, /Latitude|Longitude|City|Country|Device|Title|Creator|^Date|Original/i];
const quoteRank = (tag: Tag) => {
  const index = QUOTE_FIRST.findIndex((pattern) => pattern.test(tag.name));
  return index === -1 ? QUOTE_FIRST.length : index;
};

export type SummaryLine = { id: (typeof SUMMARY_LINES)[number]['id']; label: string; values: string[]; count: number; left?: number };

const MAX_VALUES = 3;

/**
 * One line per kind of identifying data: the first few distinct values, how many tags hold it, and (given the
 * copy's audit) how many are left in the copy.
 */
export function auditSummary(before: AuditReport, after?: AuditReport): SummaryLine[] {
  const of = (report: AuditReport, rules: readonly IdentifyingRuleId[]) =>
    report.tags.filter((tag) => {
      if (!tag.identifying || isZeroed(tag.value)) return false;
      const rule = identifyingRule(tag);
      return rule !== undefined && rules.includes(rule);
    });
  return SUMMARY_LINES.map(({ id, rules }) => {
    const tags = of(before, rules).sort((a, b) => quoteRank(a) - quoteRank(b));
    // A part already said by a whole (a latitude inside the coordinates) is not quoted again.
    const values: string[] = [];
    for (const value of tags.map((tag) => tag.value.trim()).filter(Boolean)) {
      if (values.length < MAX_VALUES && !values.some((quoted) => quoted.includes(value))) values.push(value);
    }
    return { id, label: t(`audit.summary.${id}`), values, count: tags.length, ...(after ? { left: of(after, rules).length } : {}) };
  });
}

/**
 * Track groups named by what they carry ("Video track", "Audio track 2"), from their handler or track type;
 * other groups keep their names.
 */
export function trackGroupNames(tags: readonly Tag[]): Map<string, string> {
  const kinds = new Map<string, string>();
  for (const tag of tags) {
    if (!/^Track\d+$/.test(tag.group) || kinds.has(tag.group)) continue;
    if (tag.name !== 'HandlerType' && tag.name !== 'TrackType') continue;
    const kind = /video|vide/i.test(tag.value) ? 'video' : /audio|soun/i.test(tag.value) ? 'audio' : /subt|text/i.test(tag.value) ? 'subtitle' : /meta/i.test(tag.value) ? 'metadata' : 'other';
    kinds.set(tag.group, kind);
  }
  const names = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const group of [...kinds.keys()].sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)))) {
    const kind = kinds.get(group)!;
    const nth = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, nth);
    names.set(group, nth === 1 ? t('audit.track', { kind }) : t('audit.trackNth', { kind, nth }));
  }
  return names;
}

/** A row of the table: a tag (in one group or several with the same values), before and after. */
export type AuditViewRow = {
  key: string;
  name: string;
  groups: string[];
  before?: string;
  /** The copy's value; undefined when the tag is gone from it (or zeroed, which is the same to a reader). */
  after?: string;
  identifying: boolean;
  /** Identifying in the original and gone from the copy. */
  removed: boolean;
  /** Still identifying in the copy. */
  left: boolean;
  reason: string;
};

/** Groups ExifTool adds about itself and the file system: not in the file's content. */
const HIDDEN_GROUPS = new Set(['System', 'ExifTool']);

/**
 * The rows, identifying ones first; a tag with the same name and values in several groups (a date in every
 * track) is one row that lists its groups. Without `after`, the original alone.
 */
export function auditRows(before: AuditReport, after?: AuditReport): AuditViewRow[] {
  type Pair = { group: string; name: string; before?: Tag; after?: Tag };
  const pairs = new Map<string, Pair>();
  const add = (report: AuditReport, side: 'before' | 'after') => {
    const tracks = trackGroupNames(report.tags);
    for (const tag of report.tags) {
      if (HIDDEN_GROUPS.has(tag.group)) continue;
      const group = tracks.get(tag.group) ?? tag.group;
      const key = `${group}:${tag.name}`;
      const pair = pairs.get(key) ?? { group, name: tag.name };
      pair[side] = tag;
      pairs.set(key, pair);
    }
  };
  add(before, 'before');
  if (after) add(after, 'after');

  const rows = new Map<string, AuditViewRow>();
  for (const pair of pairs.values()) {
    const beforeValue = pair.before && !isZeroed(pair.before.value) ? pair.before.value : undefined;
    const afterValue = pair.after && !isZeroed(pair.after.value) ? pair.after.value : undefined;
    const identifying = Boolean(pair.before?.identifying || pair.after?.identifying);
    const left = Boolean(pair.after?.identifying);
    const key = `${pair.name}\u0000${beforeValue ?? ''}\u0000${afterValue ?? ''}\u0000${identifying}`;
    const row = rows.get(key);
    if (row) {
      row.groups.push(pair.group);
      continue;
    }
    rows.set(key, {
      key,
      name: pair.name,
      groups: [pair.group],
      ...(pair.before ? { before: beforeValue ?? t('audit.value.empty') } : {}),
      ...(afterValue !== undefined ? { after: afterValue } : {}),
      identifying,
      removed: Boolean(after) && Boolean(pair.before?.identifying) && !left,
      left,
      reason: (left ? pair.after : (pair.before ?? pair.after))!.reason,
    });
  }
  // Identifying tags first (what is left in the copy before what was removed), then the rest as they came.
  const rank = (row: AuditViewRow) => (row.left ? 0 : row.identifying ? 1 : 2);
  return [...rows.values()].sort((a, b) => rank(a) - rank(b));
}
