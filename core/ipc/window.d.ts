import type { SafeTakeApi } from './contract.std';

declare global {
  interface Window {
    /** Exposed by the preload (electron/preload) or, in E2E tests only, by the test bridge. */
    readonly safetake: SafeTakeApi;
  }
}
