/**
 * What a corner check leaves behind. Opening one in a running session starts its setup time; its result
 * ends it and is logged (verdict and categories, never an image); the areas it marked "Blur this area later"
 * are kept, as fractions of the picture, for Sanitize to offer on every clip.
 */
import type { IpcValidRequest } from '../../core/ipc/contract.std';
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
    // A check that marked nothing leaves the areas an earlier check marked.
    if (blurRegions.length > 0) await this.settings.update({ cornerBlurRegions: blurRegions });
    return this.sessions.finishCornerCheck(result);
  }
}
