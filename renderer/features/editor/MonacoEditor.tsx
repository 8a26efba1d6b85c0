import { useEffect, useRef } from 'react';
import { useStore, type StoreState } from '../../store';
import { registerSqlCompletion } from './completion/completion-provider';
import { cancelActiveTab, effectiveConnectionId, explainActiveTab, runActiveTab, setEditorAccess } from './editor-commands';
import { disposeModelsExcept, ensureTabModel, getTabModel, getViewState, modelTabIds, saveViewState, setTabLanguage } from './editor-models';
import { showRunErrors } from './error-markers';
import { formatInEditor, registerSqlFormatting } from './format/format-in-editor';
import { languageFor, monaco } from './monaco-setup';
import { isTabBusy } from './tab-busy';
import { useDocumentTheme } from './use-document-theme';
import './editor.css';

registerSqlCompletion();
registerSqlFormatting();

function tabLanguage(state: StoreState, tabId: string): string {
  const tab = state.tabs.find((t) => t.id === tabId);
  const connectionId = tab ? effectiveConnectionId(tab.connectionId, state.activeConnectionId) : null;
  return languageFor(state.connections.find((c) => c.id === connectionId)?.engine ?? null);
}

/**
 * The one Monaco editor, loaded lazily by EditorArea. Each tab has its own model (text, undo history,
 * markers) and view state (cursor, scroll, folding); switching tabs swaps them.
 */
export function MonacoEditor() {
  const containerRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const shownTabRef = useRef<string | null>(null);
  const activeTabId = useStore((s) => s.activeTabId);
  const theme = useDocumentTheme();

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const editor = monaco.editor.create(container, {
      model: null,
      automaticLayout: true,
      theme: document.documentElement.dataset.theme === 'dark' ? 'strata-dark' : 'strata-light',
      fontFamily: getComputedStyle(document.documentElement).getPropertyValue('--font-mono').trim() || 'monospace',
      fontSize: 13,
      lineHeight: 20,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      renderLineHighlight: 'line',
      tabSize: 2,
      insertSpaces: true,
      wordWrap: 'off',
      padding: { top: 8, bottom: 8 },
      fixedOverflowWidgets: true,
      wordBasedSuggestions: 'currentDocument',
      suggestOnTriggerCharacters: true,
      quickSuggestions: { other: true, comments: false, strings: false },
      scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10, useShadows: false },
      overviewRulerBorder: false,
      hideCursorInOverviewRuler: true,
      contextmenu: true,
      ariaLabel: 'SQL editor',
    });
    editorRef.current = editor;
    setEditorAccess({
      read: (tabId) => {
        const model = getTabModel(tabId);
        if (!model) return null;
        const selection = editor.getModel() === model ? editor.getSelection() : null;
        if (!selection) {
          const cursor = useStore.getState().tabs.find((t) => t.id === tabId)?.cursorOffset ?? 0;
          return { text: model.getValue(), selection: { start: cursor, end: cursor } };
        }
        const start = model.getOffsetAt(selection.getStartPosition());
        const end = model.getOffsetAt(selection.getEndPosition());
        return { text: model.getValue(), selection: { start, end } };
      },
      focus: () => editor.focus(),
      format: () => formatInEditor(editor),
    });

    const running = editor.createContextKey<boolean>('strataQueryRunning', false);
    editor.addAction({
      id: 'strata.run',
      label: 'Run Statement or Selection',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      contextMenuGroupId: 'navigation',
      contextMenuOrder: 0,
      run: (ed) => {
        ed.trigger('strata', 'hideSuggestWidget', null);
        runActiveTab('statement');
      },
    });
    editor.addAction({
      id: 'strata.run-all',
      label: 'Run All Statements',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter],
      contextMenuGroupId: 'navigation',
      contextMenuOrder: 1,
      run: (ed) => {
        ed.trigger('strata', 'hideSuggestWidget', null);
        runActiveTab('all');
      },
    });
    editor.addAction({
      id: 'strata.explain',
      label: 'Explain Statement (Query Plan)',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyE],
      contextMenuGroupId: 'navigation',
      contextMenuOrder: 2,
      run: () => explainActiveTab(false),
    });
    editor.addAction({
      id: 'strata.explain-analyze',
      label: 'Explain Analyze Statement (runs it; changes are rolled back)',
      contextMenuGroupId: 'navigation',
      contextMenuOrder: 3,
      run: () => explainActiveTab(true),
    });
    editor.addAction({
      id: 'strata.format',
      label: 'Format SQL (Selection or All)',
      // Bound here on every platform: Monaco's own Format Document uses Ctrl+Shift+I on Linux.
      keybindings: [monaco.KeyMod.Shift | monaco.KeyMod.Alt | monaco.KeyCode.KeyF],
      run: (ed) => formatInEditor(ed),
    });
    editor.addAction({
      id: 'strata.cancel',
      label: 'Cancel Running Query or EXPLAIN',
      keybindings: [monaco.KeyCode.Escape],
      // Esc belongs to the suggest, find, hover and parameter widgets while they are open.
      keybindingContext:
        'strataQueryRunning && !suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible && !editorHoverVisible && !markersNavigationVisible',
      precondition: 'strataQueryRunning',
      run: () => cancelActiveTab(),
    });

    const syncTab = () => {
      const tabId = shownTabRef.current;
      const model = editor.getModel();
      const position = editor.getPosition();
      if (!tabId || !model || !position || getTabModel(tabId) !== model) return;
      useStore.getState().updateTabSql(tabId, model.getValue(), model.getOffsetAt(position));
    };
    const contentListener = editor.onDidChangeModelContent(syncTab);
    const cursorListener = editor.onDidChangeCursorPosition(syncTab);

    // Keep models, languages, markers and the running key in step with the store.
    const unsubscribe = useStore.subscribe((state, previous) => {
      if (state.tabs !== previous.tabs || state.connections !== previous.connections || state.activeConnectionId !== previous.activeConnectionId) {
        const open = new Set(state.tabs.map((t) => t.id));
        if (shownTabRef.current && !open.has(shownTabRef.current)) {
          editor.setModel(null);
          shownTabRef.current = null;
        }
        disposeModelsExcept(open);
        for (const tabId of modelTabIds()) setTabLanguage(tabId, tabLanguage(state, tabId));
      }
      if (state.runs !== previous.runs) {
        for (const tabId of modelTabIds()) {
          if (state.runs[tabId] === previous.runs[tabId]) continue;
          const model = getTabModel(tabId);
          if (model) showRunErrors(model, state.runs[tabId]);
        }
      }
      if (state.runs !== previous.runs || state.plans !== previous.plans || state.activeTabId !== previous.activeTabId) {
        running.set(isTabBusy(state, state.activeTabId));
      }
    });

    return () => {
      unsubscribe();
      contentListener.dispose();
      cursorListener.dispose();
      // A remounted editor must show the active tab again, where this one left it.
      if (shownTabRef.current) saveViewState(shownTabRef.current, editor.saveViewState());
      shownTabRef.current = null;
      setEditorAccess(null);
      editorRef.current = null;
      editor.dispose();
    };
  }, []);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'strata-dark' : 'strata-light');
  }, [theme]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const previous = shownTabRef.current;
    if (previous === activeTabId) return;
    if (previous && getTabModel(previous) === editor.getModel()) saveViewState(previous, editor.saveViewState());
    const state = useStore.getState();
    const tab = state.tabs.find((t) => t.id === activeTabId);
    if (!tab) {
      shownTabRef.current = null;
      editor.setModel(null);
      return;
    }
    const model = ensureTabModel(tab.id, tab.sql, tabLanguage(state, tab.id));
    shownTabRef.current = tab.id;
    editor.setModel(model);
    showRunErrors(model, state.runs[tab.id]);
    const viewState = getViewState(tab.id);
    if (viewState) {
      editor.restoreViewState(viewState);
    } else {
      const position = model.getPositionAt(tab.cursorOffset);
      editor.setPosition(position);
      editor.revealPositionInCenterIfOutsideViewport(position);
    }
    editor.focus();
  }, [activeTabId]);

  return <div ref={containerRef} className="monaco-host" />;
}
