/**
 * Which metadata tags identify a person, a place, a device or a moment, as ExifTool reports them
 * (`-G1 -a -ee`: "Group:Tag" keys). The audit classifies every tag with these rules; a sanitized file must
 * have none that identify. Each rule says why, in words the user reads in the audit table (`audit.reason.*`).
 */
import { t } from '../i18n/i18n.std';

type AuditTag = { group: string; name: string; value: string };
type TagVerdict = { identifying: boolean; reason: string };

/**
 * Values that every file ffmpeg writes carries, whoever made it: no version, device or person in them.
 * ffmpeg cannot be told to leave these out (its CLI re-adds them), so they are allowed by exact value only.
 */
const GENERIC_WRITER_VALUES: ReadonlySet<string> = new Set([
  'Lavf', // WebM/Matroska MuxingApp/WritingApp with -fflags +bitexact
  'Lavc libx264',
  'Lavc libvpx-vp9',
  'Lavc libopus',
  'Lavc aac',
  'Lavc mjpeg',
  'Lavc png',
  'Lavc libwebp',
  'VideoHandler', // MP4 handler names ffmpeg writes for its own tracks
  'SoundHandler',
  'Apple', // HandlerVendorID of the metadata handler ffmpeg's MP4 muxer always writes
]);

/** Groups that describe the file on disk (name, size, permissions), not its contents. */
const FILE_SYSTEM_GROUPS = new Set(['ExifTool', 'System', 'SourceFile']);

/** Maker-note groups: camera-private blocks full of serial numbers, settings and dates. */
const MAKER_NOTE_GROUP =
  /^(MakerNotes|Apple|Canon\w*|Nikon\w*|Sony|Pentax|FujiFilm|Olympus|Panasonic|Samsung\w*|GoPro|Google|Casio|Kodak|Minolta|Ricoh|Sigma|Leica|DJI|HTC|LG|Motorola|Huawei|Xiaomi|Nokia|Microsoft|Qualcomm|Sanyo|Reconyx|FLIR|Parrot|Insta360|Kyocera)\d*$/i;

const ALL_ZERO_DATE = /^[0:\s.+\-Z]*$/;

/** Tags that name the program or device that wrote the file. */
const WRITER_TAG_NAMES =
  /Software|Encoder|EncodedBy|WritingApp|MuxingApp|CreatorTool|CompressorName|HistorySoftwareAgent|Producer|HandlerDescription|HandlerVendorID|Vendor/i;

/** The identifying rules, each by the kind of data it finds. */
export type IdentifyingRuleId = (typeof IDENTIFYING_RULES)[number]['id'];
type Rule = { id: string; matches: (tag: AuditTag) => boolean };

function nameMatches(pattern: RegExp): (tag: AuditTag) => boolean {
  return (tag) => pattern.test(tag.name);
}

/** Order matters only for the reason shown; any matching rule makes a tag identifying. */
const IDENTIFYING_RULES = [
  {
    id: 'location',
    matches: (tag) =>
      /^GPS/i.test(tag.group) ||
      /GPS|Location|Latitude|Longitude|Altitude|ISO6709|Coordinates|^City$|Country|^State$|Province|Sublocation|Xyz/i.test(tag.name),
  },
  {
    id: 'telemetry',
    matches: (tag) => /^Doc\d+/i.test(tag.group),
  },
  {
    id: 'makerNotes',
    matches: (tag) => MAKER_NOTE_GROUP.test(tag.group),
  },
  {
    id: 'device',
    matches: nameMatches(/Make$|Model|Serial|Lens|Firmware|DeviceName|CameraID|BodyID|OwnerName|Manufacturer/i),
  },
  {
    id: 'contentId',
    matches: nameMatches(/DocumentID|InstanceID|UniqueID|MediaUID|UUID|ContentIdentifier|DerivedFrom|ImageUID|Fingerprint/i),
  },
  {
    id: 'software',
    matches: nameMatches(WRITER_TAG_NAMES),
  },
  {
    id: 'date',
    matches: (tag) => /Date|DateTime|TimeStamp|^Year$/i.test(tag.name) && !ALL_ZERO_DATE.test(tag.value.trim()),
  },
  {
    id: 'names',
    matches: nameMatches(
      /Title|Author|Artist|Comment|Description|Copyright|Creator|Owner|By-?line|Headline|Keywords|Caption|Credit|Rights|Album|Composer|Performer|Publisher|Director|Writer|Contact|Email|Label|Subject|Genre|Notes|Name$|Information|Rating|Lyrics/i,
    ),
  },
  {
    id: 'userData',
    matches: (tag) => /^(UserData|Keys|ItemList|Meta)$/i.test(tag.group),
  },
  {
    id: 'xmp',
    matches: (tag) => /^(XMP|IPTC|Photoshop|Adobe|MIE|PrintIM|FlashPix|AFCP|JUMBF|C2PA)/i.test(tag.group),
  },
  {
    id: 'cameraStream',
    matches: (tag) => /^H264$/i.test(tag.group),
  },
] as const satisfies readonly Rule[];

/**
 * Technical tag names that would trip a broad rule above but carry nothing identifying: a track's codec
 * description, or the fields of a standard ICC colour profile (sRGB, Display P3) shared by millions of files.
 */
const TECHNICAL_NAMES = /^(HandlerType|CompressorID|CodecID|CodecName|TrackName|MediaLanguageCode|TrackLanguage|ColorProfiles|ProfileDescription|ProfileDescriptionML|ProfileCopyright|DeviceAttributes|DeviceMfg|DeviceModel|ProfileCreator|ProfileDateTime|ProfileCMMType|ProfileClass|PrimaryPlatform|ColorSpaceData|ConnectionSpaceIlluminant|RenderingIntent|ProfileID|ProfileVersion|CMMFlags|MediaWhitePoint|ChromaticAdaptation|RedMatrixColumn|GreenMatrixColumn|BlueMatrixColumn|RedTRC|GreenTRC|BlueTRC)$/;

/** Groups whose every tag is personal by nature: no technical name makes them safe. */
function isPersonalGroup(group: string): boolean {
  return /^(UserData|Keys|ItemList|XMP|IPTC|GPS|Doc\d+|H264)/i.test(group) || MAKER_NOTE_GROUP.test(group);
}

export function classifyTag(tag: AuditTag): TagVerdict {
  if (FILE_SYSTEM_GROUPS.has(tag.group)) {
    return { identifying: false, reason: t('audit.reason.fileSystem') };
  }
  // Tags that only describe the file's technical form are listed so the user sees why they stay.
  if (TECHNICAL_NAMES.test(tag.name) && !isPersonalGroup(tag.group)) return { identifying: false, reason: t('audit.reason.technical') };
  if (WRITER_TAG_NAMES.test(tag.name) && GENERIC_WRITER_VALUES.has(tag.value.trim()) && !isPersonalGroup(tag.group)) {
    return { identifying: false, reason: t('audit.reason.generic') };
  }
  const rule = identifyingRule(tag);
  return rule ? { identifying: true, reason: t(`audit.reason.${rule}`) } : { identifying: false, reason: t('audit.reason.technical') };
}

/**
 * The rule that makes an identifying tag identifying: the first that matches, as its reason says. Read again from
 * the tag rather than from its reason, which is in the language the audit was made in.
 */
export function identifyingRule(tag: AuditTag): IdentifyingRuleId | undefined {
  return IDENTIFYING_RULES.find((candidate) => candidate.matches(tag))?.id;
}

/** Splits an ExifTool "-G1" key ("UserData:GPSCoordinates") into group and name. */
export function splitTagKey(key: string): { group: string; name: string } {
  const colon = key.indexOf(':');
  return colon < 0 ? { group: '', name: key } : { group: key.slice(0, colon), name: key.slice(colon + 1) };
}

export function tagValueToString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(tagValueToString).join(', ');
  if (typeof value === 'object' && 'rawValue' in value) return tagValueToString((value as { rawValue: unknown }).rawValue);
  return JSON.stringify(value);
}
