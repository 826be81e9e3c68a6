import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.dom';
import { api, call } from './api.dom';
import { speak } from './language.dom';
import { chooseTheme } from './theme.dom';
import './app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The language and theme chosen in Settings (the system's until then), before the first word is drawn.
call(api['settings:get']({}))
  .then(
    (settings) => {
      if (settings.languageInUse) speak(settings.languageInUse, settings.locale ?? settings.languageInUse);
      chooseTheme(settings.theme ?? 'system');
    },
    () => undefined,
  )
  .finally(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
