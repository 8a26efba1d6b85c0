import { describe, expect, it } from 'vitest';
import { createWindowOptions } from '../../../electron/shell/window-options';

describe('createWindowOptions', () => {
  const options = createWindowOptions('/app/out/main/preload.cjs');
  const preferences: Record<string, unknown> = options.webPreferences;

  it('isolates and sandboxes the renderer with no Node anywhere', () => {
    expect(preferences.contextIsolation).toBe(true);
    expect(preferences.sandbox).toBe(true);
    expect(preferences.nodeIntegration).toBe(false);
    expect(preferences.nodeIntegrationInWorker).toBe(false);
    expect(preferences.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and every risky feature off', () => {
    expect(preferences.webSecurity).toBe(true);
    expect(preferences.allowRunningInsecureContent).toBe(false);
    expect(preferences.experimentalFeatures).toBe(false);
    expect(preferences.webviewTag).toBe(false);
    expect(preferences.spellcheck).toBe(false);
    expect(preferences.navigateOnDragDrop).toBe(false);
  });

  it('sets nothing beyond the reviewed preferences (no enableBlinkFeatures, no extra arguments)', () => {
    expect(Object.keys(preferences).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('loads the given preload and shows the window only once it has painted', () => {
    expect(preferences.preload).toBe('/app/out/main/preload.cjs');
    expect(options.show).toBe(false);
    expect(options.title).toBe('Strata');
    expect(options.minWidth).toBeLessThanOrEqual(options.width);
    expect(options.minHeight).toBeLessThanOrEqual(options.height);
  });

  it('paints the background in the theme the window will open with', () => {
    expect(createWindowOptions('/p', true).backgroundColor).toBe('#1e1f23');
    expect(createWindowOptions('/p', false).backgroundColor).toBe('#ffffff');
  });
});
