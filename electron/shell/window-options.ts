/**
 * The main window's options, following Electron's security checklist: an isolated, sandboxed
 * renderer with no Node, no webview, no insecure content and no experimental features. Kept as a
 * plain object so a test can hold every flag to its secure value.
 */
export function createWindowOptions(preloadPath: string, dark = false) {
  return {
    title: 'Strata',
    width: 1280,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    // The theme's --bg, so a resize before the first paint does not flash the other colour.
    backgroundColor: dark ? '#1e1f23' : '#ffffff',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  } as const;
}
