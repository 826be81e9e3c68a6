/**
 * The main-process services behind the IPC contract, free of Electron so that main, the CLI and the test
 * bridge share them. `createAppServices` is the single place a channel meets its implementation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formattingLocale, pickLanguage, setLanguage, t } from '../../core/i18n/i18n.std';
import { UserError, isUserError, messageOf } from '../../core/shared/errors.std';
import { assertUnchangedPath, checkMediaFile } from '../media/mediaFile.node';
import type { ToolStatus } from '../../core/ipc/contract.std';
import { localTimestamp } from '../../core/sessions/eventLog.std';
import type { EmitIpcEvent, IpcHandlers } from '../../core/ipc/dispatch.std';
import type { PathPolicy } from '../../core/app/pathPolicy.std';
import packageJson from '../../package.json';
import { auditMediaFile } from '../media/audit.node';
import { resolveFfmpeg, resolveFfprobe } from '../media/binaries.node';
import { exiftoolVersion } from '../media/exiftool.node';
import { toolVersion } from '../media/ffmpeg.node';
import { expandMediaPaths } from '../media/files.node';
import { assertAllowedPath } from './pathPolicy.node';
import { sha256File } from '../media/hash.node';
import { previewFrame } from '../sanitize/previewFrame.node';
import { type Batch, startSanitizeBatch } from '../sanitize/batch.node';
import { type Settings, SettingsStore } from './settings.node';
import { copyEvidence, describeClip, sessionFolder, writeExport } from '../sessions/sessionFiles.node';
import { CornerChecks } from '../corner/cornerChecks.node';
import { DealService } from '../terms/deal.node';
import { reportCardCsv } from '../../core/terms/reportCardCsv.std';
import { SanitizingInSession } from '../sessions/sanitizing.node';
import type { SessionsService } from '../sessions/sessions.node';
import type { TakeRecorder } from '../sessions/takes.node';

export type ServiceContext = {
  dataDir: string;
  sessions: SessionsService;
  takes: TakeRecorder;
  pathPolicy: PathPolicy;
  emit: EmitIpcEvent;
  /** The system's dialogs (Electron's in the app). */
  pickMedia: () => Promise<string[]>;
  pickEvidence: () => Promise<string[]>;
  pickFolder: () => Promise<string | undefined>;
  /** Where to save an export: the path the worker chose, or undefined when they cancelled. */
  pickSaveFile: (suggestedName: string) => Promise<string | undefined>;
  /** Prints a self-contained HTML page to PDF (Electron's printToPDF in the app). */
  printPdf: (html: string) => Promise<Buffer>;
  /** Where clean copies go until the worker chooses another folder (the system's Videos folder, SafeTake). */
  defaultOutputDir: string;
  /** The system's file manager, opened on a file; the system's player, playing one. */
  showInFolder: (file: string) => Promise<void>;
  openFile: (file: string) => Promise<void>;
  /** The system's preferred locales, most wanted first (Electron's app.getPreferredSystemLanguages in the app). */
  systemLocales?: readonly string[];
};

export const appVersion: string = packageJson.version;

/** Minutes of work before SafeTake first suggests a break: the guides' advice for repetitive movement. */
const DEFAULT_BREAK_MINUTES = 50;

/**
 * Runs `work` on each file; a file it refuses with a UserError is reported with that reason and the others
 * go ahead. Anything else is a bug: logged, and reported in plain words.
 */
async function eachFile<T>(paths: string[], work: (file: string) => Promise<T>): Promise<{ done: T[]; refused: Array<{ path: string; reason: string }> }> {
  const done: T[] = [];
  const refused: Array<{ path: string; reason: string }> = [];
  for (const file of paths) {
    try {
      done.push(await work(file));
    } catch (error) {
      if (!isUserError(error)) console.error(`[files] ${file}`, error);
      refused.push({ path: file, reason: isUserError(error) ? error.message : t('files.couldNotRead', { name: path.basename(file) }) });
    }
  }
  return { done, refused };
}

async function checkTool(name: ToolStatus['name'], locate: () => string, version: () => Promise<string>): Promise<ToolStatus> {
  try {
    const detail = locate();
    return { name, ok: true, detail, version: await version() };
  } catch (error) {
    return { name, ok: false, detail: messageOf(error) };
  }
}

export function checkTools(): Promise<ToolStatus[]> {
  return Promise.all([
    checkTool('ffmpeg', () => resolveFfmpeg().path, () => toolVersion('ffmpeg')),
    checkTool('ffprobe', () => resolveFfprobe().path, () => toolVersion('ffprobe')),
    checkTool('exiftool', () => t('tools.exiftoolBundled'), exiftoolVersion),
  ]);
}

/** The handlers of every IPC channel, and how to stop what they started before the app quits. */
export type AppServices = {
  handlers: IpcHandlers;
  /**
   * Cancels every sanitize still running (its ffmpeg stopped, its unfinished copy removed), refuses new ones,
   * and resolves once each batch has ended and the clean copies it did finish are in the session log:
   * quitting loses none.
   */
  stop: () => Promise<void>;
};

export function createAppServices(context: ServiceContext): AppServices {
  const batches = new Map<string, Batch>();
  /** Each running batch's end: its items settled and its clean copies logged. */
  const batchEnds = new Set<Promise<unknown>>();
  /** Set once stop() is called: the app is quitting, and no new batch starts. */
  let stopping = false;
  const allowed = (candidate: string) => assertAllowedPath(candidate, context.pathPolicy);
  const settings = new SettingsStore(context.dataDir);
  const sanitizing = new SanitizingInSession(context.sessions);
  const cornerChecks = new CornerChecks(settings, context.sessions);
  const deal = new DealService(context.dataDir, context.sessions);
  /** The terms documents being read now, if any: a long PDF or a screenshot's OCR can be cancelled. */
  let attaching: AbortController | undefined;
  const minimum = async () => (await settings.read()).minimumHourlyRate;
  /** Clean copies made by this run of the app: they may be shown and played before any session logs them. */
  const madeHere = new Set<string>();
  /**
   * A file the system may show or play for the renderer: allowed by the path policy, a video or photo by name
   * and not empty, and one SafeTake itself knows (a take, a clip of a session, or a clean copy it made), still
   * the same file it was: the system never opens a script or a stranger's document on the renderer's word.
   */
  const knownMedia = async (file: string): Promise<string> => {
    const checked = allowed(file);
    await checkMediaFile(checked);
    if (!madeHere.has(checked) && !(await context.sessions.knowsFile(checked))) {
      throw new UserError(t('files.notKnown', { name: path.basename(checked) }), 'not-allowed');
    }
    await assertUnchangedPath(checked);
    return checked;
  };
  const systemLocales = context.systemLocales ?? [Intl.DateTimeFormat().resolvedOptions().locale];
  /** The settings with their defaults filled in; the language they name becomes this process's (its errors, reports). */
  const withDefaults = (stored: Settings): Settings => {
    const languageInUse = !stored.language || stored.language === 'system' ? pickLanguage(systemLocales) : stored.language;
    const locale = formattingLocale(languageInUse, systemLocales);
    setLanguage(languageInUse, locale);
    return { ...stored, outputDir: stored.outputDir ?? context.defaultOutputDir, breakEveryMinutes: stored.breakEveryMinutes ?? DEFAULT_BREAK_MINUTES, languageInUse, locale };
  };
  void settings.read().then(withDefaults, () => undefined);
  const handlers: IpcHandlers = {
    'app:getInfo': async () => ({
      name: 'SafeTake',
      version: appVersion,
      platform: process.platform,
      dataDir: context.dataDir,
    }),
    'app:checkTools': () => checkTools(),
    'dialog:pickMedia': async () => ({ paths: await context.pickMedia() }),
    'dialog:pickEvidence': async () => ({ paths: await context.pickEvidence() }),
    'dialog:pickFolder': async () => ({ path: await context.pickFolder() }),
    'files:expand': async ({ paths }) => {
      const { done, refused } = await eachFile(paths, async (file) => allowed(file));
      // A refused file names itself and says what to do: a copy in the home folder can be cleaned.
      return {
        files: done.length > 0 ? expandMediaPaths(done) : [],
        refused: refused.map((item) => ({ ...item, reason: t('files.refusedCopyHome', { name: path.basename(item.path), reason: item.reason }) })),
      };
    },
    'sanitize:audit': async ({ path }) => auditMediaFile(allowed(path)),
    'sanitize:previewFrame': async ({ path, atSeconds }) => {
      const frame = await previewFrame(allowed(path), atSeconds);
      return { dataUrl: `data:image/png;base64,${frame.png.toString('base64')}`, source: frame.source, preview: frame.preview };
    },
    'sanitize:start': async ({ inputs, outputDir, options, nameTemplate, review }) => {
      // The default folder is made on first use; a folder the worker chose must already be there.
      if (!review && outputDir === context.defaultOutputDir) await fs.promises.mkdir(allowed(outputDir), { recursive: true });
      if (stopping) throw new UserError(t('sanitizeFile.cancelledBeforeStart'), 'cancelled');
      const batch = startSanitizeBatch(
        {
          inputs: inputs.map((input) => ({ path: allowed(input.path), blur: input.blur, ...(input.found ? { found: input.found } : {}) })),
          // A review writes nothing, anywhere.
          outputDir: review ? outputDir : allowed(outputDir),
          options,
          nameTemplate,
          review,
        },
        (update) => context.emit('sanitize:progress', update),
      );
      batches.set(batch.id, batch);
      void batch.done
        .then((items) => items.forEach((item) => item.outcome && madeHere.add(item.outcome.output)))
        .catch((error: unknown) => console.error('[sanitize] a batch ended in error', error))
        .finally(() => batches.delete(batch.id));
      // A review writes nothing, but looking through the clip is part of cleaning it: both are sanitizing time.
      const following = sanitizing.follow(batch);
      const logged = following.then(
        (followed) => followed.logged.catch((error: unknown) => console.error('[sessions] a clean copy could not be logged', error)),
        // The window never hears of a batch whose sanitizing time could not start (its call fails): none runs on.
        () => batch.cancel(),
      );
      const ended = Promise.allSettled([batch.done, logged]);
      batchEnds.add(ended);
      void ended.finally(() => batchEnds.delete(ended));
      await following;
      return { batchId: batch.id };
    },
    'sanitize:markedAreas': async ({ path }) => ({ regions: await cornerChecks.markedAreasFor(allowed(path)) }),
    'sanitize:existingCopy': async ({ path: file }) => {
      const output = await context.sessions.cleanCopyOf(allowed(file));
      return output && fs.existsSync(output) ? { output } : {};
    },
    'sanitize:cancel': async ({ batchId, index }) => {
      const batch = batches.get(batchId);
      batch?.cancel(index);
      return { cancelled: batch !== undefined };
    },
    'sessions:overview': () => context.sessions.overview(),
    'sessions:start': (details) => context.sessions.start(details),
    'sessions:phase': async ({ action, phase }) => context.sessions.phase(action, phase, { countsAsWork: (await settings.read()).breaksCountAsWork ?? false }),
    'sessions:pause': ({ paused }) => context.sessions.setPaused(paused),
    // A take a crash or a reload left unfinished ends with what reached the disk, not with the session.
    'sessions:end': async () => (await context.takes.closeUnfinished(), context.sessions.end()),
    'sessions:correctTime': ({ sessionId, phaseId, endedAt }) => context.sessions.correctTime(sessionId, phaseId, endedAt),
    'sessions:pay': ({ sessionId, amount, currency, paidOn }) => context.sessions.recordPay(sessionId, { amount, currency }, paidOn),
    'sessions:addClips': async ({ sessionId, paths }) => {
      await context.sessions.viewOf(sessionId); // an unknown session is refused before any file is read
      const { done, refused } = await eachFile(paths, (file) => describeClip(allowed(file)));
      return { session: await context.sessions.addClips(sessionId, done), refused };
    },
    'sessions:outcome': (outcome) => context.sessions.recordOutcome(outcome),
    'sessions:attach': async ({ sessionId, paths }) => {
      await context.sessions.viewOf(sessionId);
      const folder = path.join(sessionFolder(context.dataDir, sessionId), 'evidence');
      const { done, refused } = await eachFile(paths, (file) => copyEvidence(allowed(file), folder));
      for (const item of done) await context.sessions.recordEvidence({ sessionId, ...item });
      return { session: await context.sessions.viewOf(sessionId), refused };
    },
    'sessions:report': async ({ sessionId, includeDeal }) => {
      const dealOf = includeDeal ? async (platform: string, until: number) => deal.deal(platform, await minimum(), until) : undefined;
      const html = await context.sessions.evidenceReport(sessionId, appVersion, dealOf); // an unknown session is refused before the dialog
      const target = await context.pickSaveFile(`safetake-evidence-${localTimestamp(new Date()).slice(0, 10)}.pdf`);
      if (!target) return {};
      const file = allowed(target);
      await writeExport(file, await context.printPdf(html), { replace: true, dataDir: context.dataDir }); // the save dialog asked before replacing
      return { file, sha256: await sha256File(file) };
    },
    'sessions:workRecord': async () => {
      const html = await context.sessions.workRecord(appVersion);
      const target = await context.pickSaveFile(`work-record-${localTimestamp(new Date()).slice(0, 10)}.pdf`);
      if (!target) return {};
      const file = allowed(target);
      await writeExport(file, await context.printPdf(html), { replace: true, dataDir: context.dataDir }); // the save dialog asked before replacing
      return { file };
    },
    'sessions:exportCsv': async () => {
      const target = await context.pickSaveFile(`safetake-sessions-${localTimestamp(new Date()).slice(0, 10)}.csv`);
      if (!target) return {};
      const file = allowed(target);
      await writeExport(file, await context.sessions.csv(), { replace: true, dataDir: context.dataDir });
      return { file };
    },
    'deal:platforms': async () => ({ platforms: await deal.platforms() }),
    'deal:view': async ({ platform }) => deal.deal(platform, await minimum()),
    'deal:attachTerms': async ({ platform }) => {
      const files = await context.pickEvidence();
      const reading = new AbortController();
      attaching = reading;
      try {
        const { done, refused } = await eachFile(files, (file) => deal.attachTerms(platform, allowed(file), reading.signal));
        return { attached: done.length, refused };
      } finally {
        if (attaching === reading) attaching = undefined;
      }
    },
    'deal:attachText': async ({ platform, text }) => (await deal.attachPastedTerms(platform, text), {}),
    'deal:cancelAttach': async () => {
      const cancelled = attaching !== undefined;
      attaching?.abort();
      return { cancelled };
    },
    'deal:removeTerms': async ({ platform, documentId }) => {
      await deal.removeTerms(platform, documentId);
      return {};
    },
    'deal:answer': async ({ platform, question, answer, platformWords, attachReply }) => {
      if (!attachReply) {
        await deal.answer(platform, question, answer, platformWords);
        return { saved: true };
      }
      // The reply is chosen in main's own dialog: the renderer names no path.
      const [reply] = await context.pickEvidence();
      if (!reply) return { saved: false };
      await deal.answer(platform, question, answer, platformWords, allowed(reply));
      return { saved: true };
    },
    'deal:addCost': async (cost) => {
      await deal.addCost(cost);
      return {};
    },
    'deal:removeCost': async ({ costId, how }) => {
      await deal.endCost(costId, how);
      return {};
    },
    'deal:priceOffer': async (offer) => deal.price(offer, await minimum()),
    'deal:exportCsv': async ({ platform }) => {
      const csv = reportCardCsv(await deal.deal(platform, await minimum()));
      const target = await context.pickSaveFile(`safetake-${platform.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase()}-report-card-${localTimestamp(new Date()).slice(0, 10)}.csv`);
      if (!target) return {};
      const file = allowed(target);
      await writeExport(file, csv, { replace: true, dataDir: context.dataDir }); // the save dialog asked before replacing
      return { file };
    },
    'settings:get': async () => withDefaults(await settings.read()),
    'settings:setMinimumRate': async (minimumHourlyRate) => withDefaults(await settings.update({ minimumHourlyRate })),
    'settings:update': async ({ guideSeen, outputDir, theme, language, breakEveryMinutes, breaksCountAsWork }) => {
      // A chosen folder must be one: the default alone is made on first use.
      const folder = outputDir === undefined ? undefined : allowed(outputDir);
      if (folder !== undefined && folder !== context.defaultOutputDir && !fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
        throw new UserError(t('settings.notAFolder', { folder }));
      }
      return withDefaults(
        await settings.update({
          ...(guideSeen !== undefined ? { guideSeen } : {}),
          ...(folder !== undefined ? { outputDir: folder } : {}),
          ...(theme ? { theme } : {}),
          ...(language ? { language } : {}),
          ...(breakEveryMinutes !== undefined ? { breakEveryMinutes } : {}),
          ...(breaksCountAsWork !== undefined ? { breaksCountAsWork } : {}),
        }),
      );
    },
    'files:showInFolder': async ({ path: file }) => (await context.showInFolder(await knownMedia(file)), {}),
    'files:open': async ({ path: file }) => (await context.openFile(await knownMedia(file)), {}),
    'corner:begin': () => cornerChecks.begin(),
    'corner:finish': (result) => cornerChecks.finish(result),
    'takes:begin': () => context.takes.begin(),
    'takes:chunk': ({ takeId, index, data }) => context.takes.chunk(takeId, index, Buffer.from(data, 'base64')),
    'takes:finish': ({ takeId }) => context.takes.finish(takeId),
    'takes:discard': async ({ takeId }) => (await context.takes.discard(takeId), {}),
    'takes:closeUnfinished': () => context.takes.closeUnfinished(),
    'takes:risk': async ({ takeId, ...risk }) => (await context.takes.risk(takeId, risk), {}),
  };
  return {
    handlers,
    stop: async () => {
      stopping = true;
      for (const batch of batches.values()) batch.cancel();
      await Promise.allSettled([...batchEnds]);
    },
  };
}
