/**
 * The Ink app's modules, imported while the workspace opens rather than before it: the interactive
 * commands load them through here so nothing of Ink runs before the TTY check and the notes are read.
 */

type UiModules = typeof import('./study-app.js') & typeof import('./tui.js');

/**
 * Imports the app. yoga-layout (Ink's layout engine) asks `typeof fetch` while it loads, and in Node 20
 * that global's getter loads undici (about 45 ms of a 300 ms first frame); nothing here fetches, so the
 * global is hidden while the modules evaluate and restored after.
 */
export async function loadUi(): Promise<UiModules> {
  const fetchProperty = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (fetchProperty) Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    const [app, tui] = await Promise.all([import('./study-app.js'), import('./tui.js')]);
    return { ...app, ...tui };
  } finally {
    if (fetchProperty) Object.defineProperty(globalThis, 'fetch', fetchProperty);
  }
}
