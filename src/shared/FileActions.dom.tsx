/** Play a clip or its clean copy in the system's player, or show it in its folder: one file's two buttons. */
import { api, call } from '../app/api.dom';

export function FileActions({ file, name, onError }: { file: string; name: string; onError: (message: string) => void }) {
  const run = (channel: 'files:open' | 'files:showInFolder') => void call(api[channel]({ path: file })).catch((e: Error) => onError(e.message));
  return (
    <span className="file-actions">
      <button type="button" className="link" onClick={() => run('files:open')}>
        Play<span className="visually-hidden"> {name}</span>
      </button>
      <button type="button" className="link" onClick={() => run('files:showInFolder')}>
        Show in folder<span className="visually-hidden">: {name}</span>
      </button>
    </span>
  );
}

