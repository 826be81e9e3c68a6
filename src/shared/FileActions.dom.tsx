/**
 * Play a clip or its clean copy in the system's player (a photo: open it), or show it in its folder: one
 * file's two buttons.
 */
import type { ReactNode } from 'react';
import { richMessage } from '../../core/i18n/i18n.std';
import { mediaKindForExtension } from '../../core/media/probe.std';
import { fileExtension } from '../../core/shared/fileName.std';
import { api, call } from '../app/api.dom';
import { useT } from '../app/language.dom';
import { hidden } from './messageTags.dom';

export function FileActions({ file, name, onError }: { file: string; name: string; onError: (message: string) => void }) {
  // Redraws in a new language: the buttons' words come from richMessage, which reads the current one.
  useT();
  const photo = mediaKindForExtension(fileExtension(name)) === 'photo' ? 'yes' : 'no';
  const run = (channel: 'files:open' | 'files:showInFolder') => void call(api[channel]({ path: file })).catch((e: Error) => onError(e.message));
  return (
    <span className="file-actions">
      <button type="button" className="link" onClick={() => run('files:open')}>
        {richMessage<ReactNode>('files.play', { name, hidden, photo })}
      </button>
      <button type="button" className="link" onClick={() => run('files:showInFolder')}>
        {richMessage<ReactNode>('files.showInFolder', { name, hidden })}
      </button>
    </span>
  );
}

