import { useEffect, useState } from 'react';
import type { AppInfo, ToolStatus } from '../../core/ipc/contract.std';
import { api, call } from './api.dom';

/** Footer: version, data folder and whether ffmpeg, ffprobe and ExifTool were found on this machine. */
export function ToolStatusBar() {
  const [info, setInfo] = useState<AppInfo>();
  const [tools, setTools] = useState<ToolStatus[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    call(api['app:getInfo']({})).then(setInfo, (e: Error) => setError(e.message));
    call(api['app:checkTools']({})).then(setTools, (e: Error) => setError(e.message));
  }, []);

  return (
    <footer className="status-bar" aria-label="SafeTake status">
      {info && (
        <span data-testid="app-version">
          {info.name} {info.version} · data in {info.dataDir}
        </span>
      )}
      {tools?.map((tool) => (
        <span key={tool.name} className={tool.ok ? 'tool-ok' : 'tool-missing'} title={tool.detail}>
          {tool.ok ? '✓' : '✗'} {tool.name}
          {tool.ok ? '' : ' missing'}
        </span>
      ))}
      {error && <span role="alert">{error}</span>}
    </footer>
  );
}
