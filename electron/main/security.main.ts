/**
 * Locks the window down: every request to another origin is cancelled, permissions other than camera and
 * microphone for our own pages are refused, navigation and new windows are denied.
 */
import { type Session, app } from 'electron';
import { isAllowedMediaCheck, isAllowedMediaTypes, isAllowedPermission, isAllowedRequest } from '../../core/app/security.std';

export function lockDownSession(session: Session, devServerOrigin: string | undefined): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, devServerOrigin);
    if (!allowed) console.warn(`[security] blocked a request to ${details.url}`);
    callback({ cancel: !allowed });
  });

  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(isAllowedPermission(permission, details.requestingUrl, devServerOrigin) && isAllowedMediaTypes(mediaTypes));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) =>
    isAllowedPermission(permission, requestingOrigin, devServerOrigin) && isAllowedMediaCheck(details.mediaType),
  );
  session.setDevicePermissionHandler(() => false);
}

export function denyNavigationAndPopups(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // SafeTake has no links to follow: a new window could only ever be a way out to the network.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
