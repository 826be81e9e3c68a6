/**
 * Light or dark: the worker's choice in Settings, or the system's (prefers-color-scheme), followed as it
 * changes. The choice is written on <html> as data-theme, which app.css reads; charts read the effective
 * theme through useTheme to redraw in its colours.
 */
import { useSyncExternalStore } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
type Theme = 'light' | 'dark';

const systemDark = window.matchMedia('(prefers-color-scheme: dark)');
let choice: ThemeChoice = 'system';
const listeners = new Set<() => void>();

const effective = (): Theme => (choice === 'system' ? (systemDark.matches ? 'dark' : 'light') : choice);

function apply(): void {
  document.documentElement.dataset.theme = effective();
  for (const listener of listeners) listener();
}

export function chooseTheme(next: ThemeChoice): void {
  choice = next;
  apply();
}

systemDark.addEventListener('change', apply);
apply();

/** The theme in effect now; a component using it redraws when it changes. */
export function useTheme(): Theme {
  return useSyncExternalStore(
    (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    effective,
  );
}
