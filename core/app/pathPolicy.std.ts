/**
 * Which paths the renderer may name. The renderer is untrusted (it shows media from strangers' files), so main
 * accepts a path from it only when it is absolute, plain, and inside a folder where a user keeps their own
 * files: never system folders, never SafeTake's own data.
 */
import { t } from '../i18n/i18n.std';

export type PathPolicy = {
  /** Folders the user's media may live in: home, temp, removable media. */
  allowedRoots: string[];
  /**
   * Folders that are never acceptable inside an allowed root (the app's data, ~/.ssh, ...), unless a more
   * specific allowed root lies inside them (the takes the worker recorded live in the app's data folder).
   */
  deniedRoots: string[];
  separator: '/' | '\\';
  /** Windows and macOS file systems ignore case: "~/.SSH" is "~/.ssh" there, and must be refused as it is. */
  caseInsensitive?: boolean;
};

function isInside(child: string, parent: string, separator: string): boolean {
  const base = parent.endsWith(separator) ? parent : parent + separator;
  return child === parent || child.startsWith(base);
}

/** Returns undefined when `candidate` is acceptable, else the reason it is refused. */
export function refusePath(candidate: unknown, policy: PathPolicy): string | undefined {
  if (typeof candidate !== 'string' || candidate.length === 0) return t('paths.refused.noPath');
  if (candidate.length > 4096 || candidate.includes('\0')) return t('paths.refused.invalid');
  const absolute = policy.separator === '/' ? candidate.startsWith('/') : /^[A-Za-z]:\\/.test(candidate) || candidate.startsWith('\\\\');
  if (!absolute) return t('paths.refused.notAbsolute');
  const parts = candidate.split(/[\\/]/);
  if (parts.includes('..') || parts.includes('.')) return t('paths.refused.dotSegments');
  const fold = (text: string) => (policy.caseInsensitive ? text.toLowerCase() : text);
  const inside = (roots: string[]) => roots.filter((root) => isInside(fold(candidate), fold(root), policy.separator));
  const allowedBy = inside(policy.allowedRoots);
  if (allowedBy.length === 0) return t('paths.refused.outsideAllowed');
  const deepestAllowed = Math.max(...allowedBy.map((root) => root.length));
  if (inside(policy.deniedRoots).some((root) => root.length >= deepestAllowed)) return t('paths.refused.deniedFolder');
  return undefined;
}
