/**
 * What a corner check leaves behind. Opening one in a running session starts its setup time; its result
 * ends it and is logged (verdict and categories, never an image); the areas it marked "Blur this area later"
 * are kept, as fractions of the picture, for Sanitize to offer on every clip.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IpcValidRequest } from '../../core/ipc/contract.std';
import { uprightPictureSize } from '../../core/media/ffmpegArgs.std';
import { fromFractions } from '../../core/media/geometry.std';
import type { Region } from '../../core/sanitize/plan.std';
import { readPicture } from '../media/picture.node';
import type { SettingsStore } from '../app/settings.node';
import type { SessionsService } from '../sessions/sessions.node';

export class CornerChecks {
  constructor(
    private readonly settings: SettingsStore,
    private readonly sessions: SessionsService,
  ) {}

  begin(): Promise<{ sessionId?: string }> {
    return this.sessions.beginCornerCheck();
  }

  async finish({ blurRegions, ...result }: IpcValidRequest<'corner:finish'>): Promise<{ sessionId?: string }> {
    const logged = await this.sessions.finishCornerCheck(result);
    // A check that marked nothing leaves the areas an earlier check marked.
    if (blurRegions.length > 0) await this.settings.update({ cornerBlurRegions: blurRegions, cornerBlurSessionId: logged.sessionId });
    return logged;
  }

  /**
   * The marked areas in `file`'s pixels, when it is a take or clip of the session the check was saved in:
   * the camera stood where it was checked. A clip from elsewhere gets none (Sanitize still offers them).
   */
  async markedAreasFor(file: string): Promise<Region[]> {
    const { cornerBlurRegions: regions, cornerBlurSessionId: sessionId } = await this.settings.read();
    if (!regions?.length || !sessionId) return [];
    const real = (candidate: string) => fs.promises.realpath(candidate).catch(() => path.resolve(candidate));
    const target = await real(file);
    const clips = await Promise.all((await this.sessions.clipFiles(sessionId)).map(real));
    if (!clips.includes(target)) return [];
    const display = uprightPictureSize(await readPicture(target));
    return regions.map((fractions) => roundRegion(fromFractions(fractions, display)));
  }
}

function roundRegion(region: Region): Region {
  return { x: Math.round(region.x), y: Math.round(region.y), w: Math.max(1, Math.round(region.w)), h: Math.max(1, Math.round(region.h)) };
}
