/**
 * The red flags in a platform's terms, as data: for each, what it looks like in an agreement; what it means for
 * the person filming and the question to ask before recording are in the catalogue, by rule id. Agreements say
 * one right in many ways ("in perpetuity", "irrevocable", "not limited in time", "work made for hire"), so each
 * rule matches the idea by a few independent patterns, and names the counter-clauses that take it back ("we do
 * not sell", a licence that "ends when your content is deleted"). A sentence is flagged when one of `match` fits
 * it (a list inside `match` must fit all together) and none of `unless` does. Pure data.
 */
import { t } from '../i18n/i18n.std';

export const RED_FLAG_IDS = [
  'perpetual_licence',
  'worldwide_sublicensable',
  'any_purpose_reuse',
  'likeness_voice_biometric',
  'no_deletion',
  'sale_or_transfer',
  'unilateral_changes',
  'pay_discretion',
  'no_appeal_or_dispute',
  'confidentiality_gag',
  'indemnity',
  'moral_rights_waiver',
  'retention_unspecified',
] as const;
export type RedFlagId = (typeof RED_FLAG_IDS)[number];

export type RedFlagRule = {
  id: RedFlagId;
  match: ReadonlyArray<RegExp | readonly RegExp[]>;
  unless?: readonly RegExp[];
};

/** A grant of rights over what the worker makes. */
const GRANT = /\b(?:licen[cs]es?|licensed|grants?|granting|rights?|assigns?|assignment|transfers?|permission|consent|use)\b/i;
/** What the worker hands in. */
const WORK = /\b(?:content|contributions?|submissions?|recordings?|videos?|photos?|images?|footage|materials?|work product|works?|services performed|data|information|uploads?|posts?)\b/i;
/** The company or those it deals with. */
const OTHERS = /\b(?:third[- ]part(?:y|ies)|partners?|affiliates?|vendors?|advertisers?|sponsors?|customers?|clients?|buyers?|purchasers?|acquirers?|successors?|licensees|other (?:companies|entities|users|site participants|participants)|(?:another|other) entit(?:y|ies)|\w+ companies)\b/i;
/** A licence to the feedback or suggestions a user sends about the service, not to what they record. */
const FEEDBACK = /\b(?:feedback|suggestions?)\b[^.]{0,80}\b(?:licen[cs]e|perpetual|irrevocabl\w+|confidential|without (?:any )?restrictions?)|\b(?:licen[cs]e|use)\b(?:(?!\b(?:recordings?|content|contributions?|submissions?|videos?|footage|data)\b)[^.]){0,300}\b(?:any and all |your |such )?(?:feedback|suggestions?)\b(?![^.]{0,20}\b(?:and|or) (?:your )?(?:content|recordings?|contributions?|submissions?))/i;
/** Keeping what the worker handed in. */
const KEPT = /\b(?:retain\w*|kept|keeps?|stor(?:e|ed|es|ing|age)|preserv\w+|held|hold)\b/;
/** Money the worker is owed. */
const MONEY = /\b(?:payments?|earnings|compensation|rewards?|points|balance|funds|amounts?|payouts?)\b/;

/** `a` and `b` within `gap` characters of each other, in either order, in one sentence. */
function near(a: RegExp, b: RegExp, gap: number): RegExp {
  return new RegExp(String.raw`(?:${a.source})[^.;]{0,${gap}}(?:${b.source})|(?:${b.source})[^.;]{0,${gap}}(?:${a.source})`, 'i');
}

/** A licence the company grants the user (to use its app), not one the user grants. */
const TO_YOU = /\b(?:you are (?:hereby )?granted|grants? you|does not include any right to)\b/i;
/** A rule for the user ("you may not sell data from the site", "the author agrees to keep it confidential and not to disclose it"), not a right over what the user hands in. */
const USER_FORBIDDEN =
  /\b(?:you|users?|members?|guests?|creators?|authors?|workers?)\b[^.]{0,60}\b(?:may not|must not|shall not|will not|can['’]t|cannot|agree not to|(?:are|is) not (?:entitled|allowed|permitted))\b|\bno (?:guest|member|user|one)\b[^.]{0,20}\bmay\b|\b(?:you|users?|members?|creators?|authors?|workers?|contributors?|participants?)\b[^.]{0,40}\b(?:agrees?|undertakes?)\b[^.]{0,200}\bnot to\b/i;
/** Only with the worker's own yes: sharing they choose or consent to first. */
const BY_CHOICE =
  /\byou (?:may|can)(?: also)? (?:choose|decide|opt) to\b|\b(?:not|never|no)\b[^.;]{0,80}\bwithout (?:your|the user's|our \w+'s)? ?(?:explicit |express |prior |written )?(?:permission|consent)\b|\bonly with (?:your )?(?:explicit |express |prior |written )?(?:permission|consent)\b/i;
/** The company promising not to: "we do not sell", "we will never use your recordings to train". */
const PROMISE_NOT = /\b(?:we|company|the company|it)\b[^.;]{0,30}\b(?:do not|does not|don['’]t|doesn['’]t|will not|won['’]t|shall not|never)\b/i;
/** A use limited to the stated project. */
const ONLY_FOR = /\bonly (?:for|to|in connection with|as part of) (?:the|this|that|your)\b/i;
/** The recipient of what is passed on is someone else: "to third parties", "with our partners". */
const TO_OTHERS = new RegExp(String.raw`\b(?:to|with)\b[^.]{0,40}` + OTHERS.source, 'i');

export const RED_FLAG_RULES: readonly RedFlagRule[] = [
  {
    id: 'perpetual_licence',
    match: [
      [/\b(?:perpetual(?:ly)?|irrevocabl[ey]|in perpetuity|for ever|forever|not limited (?:by|in) (?:[\w, ]{0,30})?time|unlimited (?:in )?(?:time|duration)|without (?:any )?(?:time limit|limitation (?:in|of) time))\b/i, GRANT],
      /\bworks? (?:made )?(?:for|-for-) ?hire\b/i,
      [/\b(?:ownership|title|all (?:\w+ )?rights?|intellectual property)\b/i, /\b(?:vests?|will vest|shall vest|belongs?|pass(?:es)? to|becomes? the (?:sole |exclusive )?property)\b/i],
      [/\b(?:assign|transfer)s?\b[^.]{0,40}\b(?:all|any|every|entire)\b[^.]{0,30}\b(?:right|title|interest|ownership|copyright)s?\b/i],
      /\b(?:public domain|CC0|waived? all (?:of )?(?:its |our |your )?(?:copyright|rights))/i,
      [/\beven after (?:you|your)\b/i, /\b(?:licen[cs]e|rights?)\b/i],
    ],
    unless: [FEEDBACK, TO_YOU, USER_FORBIDDEN, /\bnothing in\b|\b(?:does not|do not|doesn['’]t)\s+grant\b|\bno (?:perpetual|irrevocable)\b/i, /\b(?:ends?|terminates?|expires?) when (?:your|the|you)\b[^.]{0,40}\bdelet/i, /\b(?:may not|shall not|will not) (?:\w+,? )?(?:assign|transfer|delegate)\b[^.]{0,40}\b(?:rights or obligations|this agreement|these terms)/i],
  },
  {
    id: 'worldwide_sublicensable',
    match: [
      [/\b(?:world-?wide|throughout the world|anywhere in the world|not limited by (?:space|territory)|without territorial)\b/i, GRANT],
      /(?<!non-?|not )\bsub-?licen[cs](?:e|es|able|ed|ing)\b/i,
      [/(?<!non-?|not )\b(?:transferable|assignable)\b/i, GRANT],
      new RegExp(String.raw`\b(?:grant|licen[cs]e|sublicense|assign|transfer|retransmit|offer|make available|provide)\w*\b[^.]{0,120}\b(?:rights?|licen[cs]e|contributions?|content|recordings?|submissions?|footage|videos?)\b[^.]{0,20}` + TO_OTHERS.source, 'i'),
      [/\bsuccessors,? (?:and )?(?:assigns|licensees)\b/i, GRANT],
      new RegExp(String.raw`\b(?:licen[cs]ed|sublicensed|assigned)\b[^.]{0,20}` + TO_OTHERS.source, 'i'),
      /\bmay (?:offer|distribute|make available|redistribute|publish)\b[^.]{0,40}\b(?:all|any) (?:of )?(?:the |your )?(?:contributions?|content|submissions?|recordings?)\b/i,
    ],
    unless: [FEEDBACK, TO_YOU, USER_FORBIDDEN, /\bnot (?:transferable|assignable|sub-?licensable)\b/i],
  },
  {
    id: 'any_purpose_reuse',
    match: [
      /\bfor any (?:lawful |other |and all )?purposes?\b/i,
      /\bany and all purposes\b/i,
      [/\bwithout (?:any )?restrictions?\b/i, /\b(?:use|used|exploit)\b/i],
      /\bpurposes? (?:of|such as|including),? (?:but )?not limited to\b/i,
      /\b(?:unknown|not yet known|future|yet to be (?:invented|developed)|hereafter (?:devised|developed|invented)) (?:types of |forms of |kinds of )?(?:uses?|media|technolog\w*|products?|purposes?|methods?)\b/i,
      /\bnow known or (?:hereafter|later|hereinafter)\b|\bknown now or in the future\b|\b(?:now|currently) existing or (?:later|hereafter|in the future|to be|developed)\b|\bdeveloped in the future\b/i,
      /\bunrestricted\b[^.;]{0,40}\blicen[cs]e\b/i,
      /\b(?:existing and future|current and future|present and future|future) (?:products|services|purposes|businesses)\b/i,
      // Training or improving other products than the task's own: "other machine learning related products".
      [/\b(?:train|training|improve|develop|build)\w*\b[^.;]{0,100}\b(?:other|any|future|related|additional|new|third[- ]party|general[- ]purpose)\b[^.;]{0,40}\b(?:machine learning|artificial intelligence|AI|models?|algorithms?|products?|technolog\w+)\b/i, /\b(?:content|data|recordings?|information|work product|submissions?|voice|images?|uploads?|it|them)\b/i],
      /\b(?:anyone|any person|the public|everyone) (?:can|may|is free to) use\b/i,
      near(/\bin any (?:manner|media|medium|form)\b/, /\b(?:exploit|use|distribute|reproduce)\w*\b/, 60),
    ],
    unless: [FEEDBACK, USER_FORBIDDEN, PROMISE_NOT, /\b(?:solely|only|exclusively) (?:for|to) (?:the purposes? of )?(?:provid|operat|run)/i, /\byou (?:are free to|may|can) use (?:your )?own\b/i],
  },
  {
    id: 'likeness_voice_biometric',
    match: [
      /\b(?:likeness|biometric|face ?prints?|voice ?prints?|facial (?:geometry|features|recognition|characteristics|data)|face geometry|body measurements)\b/i,
      [/\b(?:your|user)\s+(?:(?:user ?)?name,?\s+)?(?:image|voice|face|picture|photograph|profile picture|appearance)\b/i, /\b(?:use|used|licen[cs]e|grant|donate|record|collect|display|shown|next to|connection with|rights?)\b/i],
      [/\bprofile picture\b/i, /\b(?:ads|advertis|sponsored|commercial)\w*\b/i],
      /\bdonate your voice\b|\bvoice (?:data|recordings?|samples?|clips?)\b/i,
      /\b(?:digital (?:replica|twin|double|likeness)|synthetic (?:voice|version)|deepfakes?|voice clon\w+|clones? (?:of )?your voice|gait|body shape|physical characteristics)\b/i,
      near(/\byour (?:identity|name|profile)\b/, /\b(?:ads|advertis\w+|sponsored (?:content|posts?)|promotion\w*)\b/, 60),
    ],
    unless: [PROMISE_NOT, ONLY_FOR, /\b(?:any|other) (?:person|people|individuals?)\b[^.;]{0,20}\bwhose\b|\bblur\w*|\banonymi[sz]\w*/i],
  },
  {
    id: 'no_deletion',
    match: [
      [/\b(?:surviv\w*|continu\w*|remain\w*|persist\w*|still|kept|keeps?|retain\w*|holds? onto)\b/i, /\b(?:after|following|even if|upon|beyond)\b[^.]{0,60}\b(?:termination|terminat\w+|deletion|delet\w+|clos\w+|cancel\w+|end of|ends?|expir\w+|suspend)\b/i, /\b(?:licen[cs]es?|rights?|content|contributions?|recordings?|data|information|submissions?|materials?|work product|concessions)\b/i],
      /\b(?:cannot|can ?not|may not|will not be able to|unable to|no (?:right|ability) to)\s+(?:\w+\s+)?(?:delete|remove|withdraw|erase|retract)\b/i,
      /\b(?:cannot|can ?not|may not|will not) be (?:deleted|removed|withdrawn|erased|retracted)\b/i,
      near(/\b(?:deleting|deletion|closing|closure|withdraw\w*|cancel\w*)\b/, /\b(?:does not|will not|won['’]t|doesn['’]t)\s+(?:remove|delete|erase|affect)\b/, 60),
      [/\bsurviv\w*\b[^.]{0,30}\b(?:termination|deletion|closure|cancell?ation|expiry|expiration)\b/i, /\b(?:licen[cs]es?|rights?|content|recordings?|data|submissions?)\b/i],
      /\bonce your (?:account|profile) (?:has been |is )?(?:deleted|closed|terminated)\b/i,
      [/\bcontinues? to apply\b/i, /\b(?:licen[cs]e|rights?)\b/i],
      /\bremain (?:publicly )?available\b/i,
      /\bcontinue to (?:display|store|keep|retain|publish|use|make available)\b/i,
      [/\breactivat\w+\b/i, /\baccount\b/i],
      [/\b(?:backup|archiv\w+|cached)\b/i, /\b(?:retain|keep|remain|persist|stored?)\w*\b/i, /\bdelet\w+\b/i],
    ],
    unless: [FEEDBACK, /\b(?:we will|we'll|will be) (?:permanently )?delet\w+ (?:it|them|your)\b/i],
  },
  {
    id: 'sale_or_transfer',
    match: [
      [/\b(?:sell|sells|sold|rent|rents)\b/i, /\b(?:data|information|content|licen[cs]es?|assets|recordings?|contributions?)\b/i],
      [/\b(?:merger|acquisition|acquired|bankruptcy|insolvency|reorgani[sz]ation|sale of (?:all|some|substantially|our|the company|its)|change of control|that deal|such (?:a )?(?:deal|transaction))\b/i, /\b(?:transfer\w*|assets|information|data|licen[cs]e)\b/i],
      [new RegExp(String.raw`\b(?:share|shares|shared|sharing|disclose[sd]?|transfer(?:red|s)?|provide[sd]?|pass(?:ed)?|gives?|sent)\b[^.]{0,100}` + TO_OTHERS.source, 'i'), /\b(?:information|data|content|services|recordings?|contributions?|work|insights|it|them)\b/i],
      [/\bshared? with\b/i, /\b(?:information|data)\b/i, /\b(?:LLC|Inc|Ltd|GmbH|Limited|Corporation|group compan\w+)\b/],
      // Within a group of companies: "the Meta Companies, which share ... information".
      [/\b(?:affiliates?|group compan\w+|[A-Z]\w+ Companies|subsidiar\w+|family of companies)\b/, /\bshar\w+\b/i, /\b(?:information|data)\b/i],
      /\bpublish\w*\b[^.]{0,60}\bpublicly\b|\bpublicly\b[^.]{0,40}\b(?:publish|release|available)\w*\b[^.]{0,60}\b(?:demographic|personal|information|data)\b/i,
      [/\bpass\w*\b[^.]{0,40}\bon to\b/i, OTHERS],
      new RegExp(String.raw`\b(?:licen[cs]ed|sold|transferred|provided|disclosed|given)\b[^.]{0,20}` + TO_OTHERS.source, 'i'),
    ],
    unless: [
      /\b(?:do not|don't|never|will not|won't|does not)\s+(?:\w+\s+)?(?:sell|rent|trade|share)\b(?![^.]*\b(?:except|unless|but|though|however|may (?:sell|share|transfer|disclose))\b)/i,
      /\b(?:is|are|will|shall)\s+(?:not|never)\s+(?:be\s+)?(?:sold|shared|rented|disclosed|transferred)\b(?![^.]*\b(?:except|unless|but|though|however)\b)/i,
      /\bonly (?:be )?(?:shared|disclosed|transferred)\b[^.]{0,60}\b(?:consent|permission)\b/i,
      TO_YOU,
      USER_FORBIDDEN,
      BY_CHOICE,
      PROMISE_NOT,
      // A transfer across borders, to no one else: the same company's servers abroad.
      /^(?!.*\b(?:sell|sold|partners?|advertis\w*|customers?|third[- ]part\w*|affiliates?|buyers?)\b).*\b(?:countr\w+|outside (?:the|your)|abroad|cross-border|jurisdictions?)\b/i,
      // A duty of confidentiality and its exceptions ("does not apply if the information is publicly available").
      /\b(?:obligations? of|duty of) confidentiality\b|\bconfidentiality obligations?\b/i,
      FEEDBACK,
    ],
  },
  {
    id: 'unilateral_changes',
    match: [
      [/\b(?:may|can|will|reserves?|right)\b[^.]{0,60}?\b(?:change|modify|amend|revise|update|alter|impose|replace)\b/i, /\b(?:terms|agreement|policy|conditions|pay|payments?|rates?|program|prices?|fees|rules|guidelines)\b/i],
      /\bsubject to change\b/i,
      /\b(?:consent|acceptance|agreement)\b[^.]{0,40}\b(?:from|by) (?:your )?(?:continued |mere )?(?:use|usage)\b/i,
      [/\bretroactive(?:ly)?\b/i, /\b(?:change|modif|amend|revis|update)\w*\b/i],
      /\bcontinu\w+ (?:to )?(?:use|access|participat\w+)\b[^.]{0,100}\b(?:accept\w*|agree\w*|consent\w*|bound)\b/i,
      [/\bwithout (?:prior )?notice\b/i, /\b(?:change|modify|amend|revise|update|alter|discontinue|terminate|suspend)\w*\b/i],
    ],
    unless: [
      /\byou (?:may|can) (?:change|update|modify)\b/i,
      /\bnot (?:be )?(?:inferred|deemed|assumed|implied)\b/i,
      // A change announced ahead, that does not reach back: notice is what the worker asks for.
      /\b(?:at least|no less than|not less than|a minimum of)\s+(?:\d+|one|two|seven|fourteen|thirty|sixty|ninety)\s+days['’]?\s+(?:prior |advance |written )?notice\b|\bnotify you\b[^.;]{0,60}\bbefore\b|\bnot apply retroactively\b/i,
      /\b(?:update|inform|tell) you\b/i,
    ],
  },
  {
    id: 'pay_discretion',
    match: [
      near(/\b(?:sole|absolute|complete|full|own|its|our|their) discretion\b/, /\b(?:pay\w*|earnings|rewards?|compensation|approv\w+|reject\w*|eligib\w+|points|bonus\w*|views|payouts?)\b/, 100),
      near(/\b(?:withh[oe]ld\w*|forfeit\w*|cancel+(?:ed|s)?|revers\w+|claw ?back|deduct\w*|set[- ]off|offset|suspend\w*)\b/, MONEY, 90),
      near(/\breject\w*\b/, /\b(?:pay\w*|compensation|remuneration|fees?)\b/, 80),
      /\bnot (?:be )?(?:entitled|obligated|obliged) to (?:any )?(?:pay|payment|compensation|remuneration)\b/i,
      /\b(?:no obligation|not (?:be )?obligated|not (?:be )?required|under no obligation)\s+to\s+pay\b|\b(?:will|shall) not be (?:compensated|paid)\b|\bnot (?:be )?eligible for (?:payment|compensation|pay)\b/i,
      near(/\bexpir\w+\b/, MONEY, 60),
    ],
    unless: [
      /\b(?:will not|won['’]t|shall not|cannot|never)\s+be\s+(?:withheld|cancel\w*|forfeited|reversed|deducted|delayed)\b|\bguarantee[ds]?\b|\bwe will (?:always )?pay\b|\byou may (?:ask for|request) (?:a )?review\b/i,
      /\b(?:paypal|bank|transfer|transaction|processing|payment provider)\b[^.;]{0,20}\bfees?\b/i,
    ],
  },
  {
    id: 'no_appeal_or_dispute',
    match: [
      [/\barbitrat\w+\b/i, /\b(?:shall|must|will|agree|binding|resolved|settled|submit\w*|exclusively)\b/i],
      /\bclass[- ](?:action|arbitration|or collective|,? consolidated|wide)|\bcollective (?:action|basis|proceeding)|\brepresentative (?:action|proceeding)|\bindividual basis\b/i,
      [/\bwaive[sd]?\b|\bwaiver\b/i, /\b(?:jury|class|court|trial|disputes?|claims?|lawsuit)\b/i],
      // A dispute lost when not raised within days. A limitation period for going to court ("filed within one
      // year ... or be forever barred") leaves the courts open and is not counted.
      /\bdeemed waived\b/i,
      /\b(?:not (?:be )?responsible|no (?:obligation|responsibility)|not obligated)\b[^.]{0,40}\b(?:resolv\w+|mediat\w+|settl\w+)\b[^.]{0,40}\bdisputes?\b/i,
      /\bfinal and binding\b|\bno (?:right (?:of|to) )?appeal\b|\bnot subject to (?:appeal|review)\b/i,
      near(/\b(?:decisions?|determinations?|assessments?|judg(?:e)?ments?)\b/, /\b(?:is|are|will be|shall be)\s+(?:final|conclusive|binding)\b/, 80),
    ],
    unless: [
      /\byou (?:may|can|have the right to) (?:appeal|ask for a review|go to court|bring a claim in)\b/i,
      /\b(?:not|aren['’]t|isn['’]t|never) (?:be )?(?:forced|required|obliged|compelled) (?:in)?to\b[^.]{0,30}\barbitrat/i,
      /\bopt(?:-| )out of (?:the )?(?:arbitration|class)/i,
    ],
  },
  {
    id: 'confidentiality_gag',
    match: [
      [/\b(?:keep|kept|treat\w*|hold|held|maintain\w*)\b[^.]{0,80}\b(?:confidential|secret|in confidence)\b/i],
      [/\b(?:not|never|no)\b[^.]{0,20}\b(?:disclose|reveal|share|discuss|publish|make public|talk about)\b/i, /\b(?:confidential|terms|pay|payment|rates?|compensation|tasks?|details|non-public|metrics)\b/i, /\b(?:you|your|authors?|creators?|workers?|contributors?|participants?|members?|freelancers?|he\/she)\b/i],
      /\bnon-?disclosure\b/i,
    ],
    unless: [
      /\barbitration\b/i,
      /\b(?:we|our (?:employees|staff)|employees|staff)\b[^.]{0,40}\b(?:not allowed|will not|shall not|do not|never)\b/i,
      /\b(?:passwords?|log-?in|credentials|security)\b/i,
      /\bno obligation to keep\b/i,
      FEEDBACK,
      // The company keeping the worker's data confidential is a promise, not a gag.
      /\b(?:we|our)\b[^.;]{0,60}\b(?:keep|treat|hold)\b[^.;]{0,40}\bconfidential\b|\b(?:your|personal)\s+(?:\w+\s+){0,2}(?:information|data|details|recordings?)\s+(?:is|are|will be)\s+(?:kept|treated|held)\b/i,
    ],
  },
  {
    id: 'indemnity',
    match: [
      /\bindemnif\w+\b/i,
      /\bhold\b[^.]{0,80}\bharmless\b/i,
      /\breimburse\b[^.;]{0,60}\b(?:losses|damages|fees|costs|claims|expenses)\b/i,
      [/\bdefend\b[^.;]{0,60}\bagainst\b[^.;]{0,30}\bclaims?\b/i, /\byou\b/i],
    ],
    unless: [/\bhold you harmless\b|\b(?:we|the company|company)\s+(?:will|shall|agrees? to)\s+(?:defend,?\s+(?:and\s+)?)?indemnify\b/i],
  },
  {
    id: 'moral_rights_waiver',
    match: [
      /\bmoral\b[^.]{0,30}\brights?\b/i,
      /\bdroits? moraux\b/i,
      [/\b(?:waive|waives|waived|waiver|not assert|never assert)\b/i, /\b(?:attribution|right to be (?:named|identified|credited)|authorship)\b/i],
      /\b(?:not|no)\s+(?:be\s+)?(?:obliged|obligated|required|obligation)\s+to\s+(?:name|credit|attribute|identify|mention)\b/i,
      /\bwithout (?:any )?(?:attribution|credit|naming)\b/i,
      near(/\b(?:edit\w*|crop\w*|alter\w*|combin\w+)\b/, /\bwithout (?:further |your |prior )?(?:approval|consent)\b/, 120),
    ],
  },
  {
    id: 'retention_unspecified',
    match: [
      near(/\b(?:as long as|for so long as|no longer than|for the period) (?:is |it is |we deem |reasonably )?(?:necessary|needed|required|appropriate)\b/, KEPT, 100),
      near(/\bindefinite(?:ly)?\b/, /\b(?:retain\w*|kept|keeps?|stor\w+|preserv\w+|data|recordings?|content|information)\b/, 60),
      /\b(?:may|will|might|can|shall) be (?:retained|kept|stored|preserved|archived)\b/i,
      /\b(?:undefined|unspecified|unlimited|indeterminate) (?:period|time|duration)\b/i,
      near(/\bthereafter\b/, /\bas (?:required|necessary|needed)\b/, 30),
      near(/\b(?:we|us)\b[^.]{0,20}\b(?:retain|keep|store|preserve|hold)\b/, WORK, 40),
    ],
    unless: [
      /\b(?:do not|don't|never|will not|won't) (?:store|retain|keep)\b/i,
      // A period stated, or a place rather than a time, unless "as long as necessary" or "indefinitely" stands beside it.
      /^(?!.*\b(?:as long as|indefinite|thereafter)).*(?:\b\d+\s*(?:days?|weeks?|months?|years?)\b|\b(?:one|two|three|six|seven|twelve|thirty|sixty|ninety) (?:days?|weeks?|months?|years?)\b|\b(?:servers?|located|hosted)\b)/i,
      /\bonly (?:while|until|for as long as (?:your|you))\b|\bonly for the duration of\b|\bretained by\b/i,
      /\b(?:confidential|password)\w*\b/i,
      FEEDBACK,
    ],
  },
];

/** What a red flag says to the worker, in the current language. */
export type RedFlagWords = {
  /** A few words for a heading. */
  title: string;
  /** What the clause means for the worker, in plain words. */
  explanation: string;
  /** What to ask the platform before recording. */
  question: string;
};

/** The rule `id` with its words, looked up now: the language can change while the app runs. */
export function redFlagRule(id: RedFlagId): RedFlagRule & RedFlagWords {
  const rule = RED_FLAG_RULES.find((candidate) => candidate.id === id)!;
  return { ...rule, title: t(`terms.flag.${id}.title`), explanation: t(`terms.flag.${id}.explanation`), question: t(`terms.flag.${id}.question`) };
}
