/**
 * What SafeTake keeps in its data folder (Electron's userData, or SAFETAKE_DATA_DIR), in one place: the
 * path policy, the session log and the take recorder all name the same entries.
 */

/** The session log: one JSON line per event (core/sessions/eventLog.std.ts). */
export const LOG_FILE_NAME = 'sessions.jsonl';
/** The worker's settings (core/ipc/contract.std.ts, settingsSchema). */
export const SETTINGS_FILE_NAME = 'settings.json';
/** Takes recorded in the app, one sub-folder per session: the worker's own footage, which Sanitize may read. */
export const TAKES_FOLDER = 'takes';
/** Each session's own files (evidence, reports), one sub-folder per session. */
export const SESSIONS_FOLDER = 'sessions';
/** Each platform's terms documents and the text read from them, one sub-folder per document. */
export const TERMS_FOLDER = 'terms';
