import { monaco } from './monaco-setup';

interface TabModel {
  model: monaco.editor.ITextModel;
  viewState: monaco.editor.ICodeEditorViewState | null;
}

/** One text model per tab, with the scroll and cursor state it had when the user left it. */
const tabModels = new Map<string, TabModel>();

/** The tab a model belongs to, or null for a model that is no tab's. */
export function tabIdOfModel(model: monaco.editor.ITextModel): string | null {
  for (const [tabId, entry] of tabModels) if (entry.model === model) return tabId;
  return null;
}

export function getTabModel(tabId: string): monaco.editor.ITextModel | null {
  return tabModels.get(tabId)?.model ?? null;
}

/** The tab's model, created from the tab's saved text the first time it is shown. */
export function ensureTabModel(tabId: string, text: string, language: string): monaco.editor.ITextModel {
  const existing = tabModels.get(tabId);
  if (existing) return existing.model;
  const uri = monaco.Uri.from({ scheme: 'inmemory', authority: 'strata', path: `/${encodeURIComponent(tabId)}.sql` });
  const model = monaco.editor.createModel(text, language, uri);
  tabModels.set(tabId, { model, viewState: null });
  return model;
}

export function saveViewState(tabId: string, viewState: monaco.editor.ICodeEditorViewState | null): void {
  const entry = tabModels.get(tabId);
  if (entry) entry.viewState = viewState;
}

export function getViewState(tabId: string): monaco.editor.ICodeEditorViewState | null {
  return tabModels.get(tabId)?.viewState ?? null;
}

export function setTabLanguage(tabId: string, language: string): void {
  const model = getTabModel(tabId);
  if (model && model.getLanguageId() !== language) monaco.editor.setModelLanguage(model, language);
}

/** Disposes the models of tabs that are gone. */
export function disposeModelsExcept(openTabIds: ReadonlySet<string>): void {
  for (const [tabId, entry] of tabModels) {
    if (openTabIds.has(tabId)) continue;
    entry.model.dispose();
    tabModels.delete(tabId);
  }
}

export function modelTabIds(): string[] {
  return [...tabModels.keys()];
}
