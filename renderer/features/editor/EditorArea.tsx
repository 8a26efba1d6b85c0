import { lazy, Suspense, useState } from 'react';
import { useStore } from '../../store';
import { Splitter } from '../../ui/Splitter';
import { ResultsPanel } from '../results/ResultsPanel';
import { StatusBar } from '../results/StatusBar';
import { TableDataView } from '../table-data/TableDataView';
import { StartPanel } from './StartPanel';
import { TabBar } from './TabBar';
import { Toolbar } from './Toolbar';
import { useGlobalShortcuts } from './use-global-shortcuts';
import './editor.css';

// Monaco is most of the renderer's code: load it beside the first paint, not before it.
const MonacoEditor = lazy(() => import('./MonacoEditor').then((module) => ({ default: module.MonacoEditor })));

const RESULTS_HEIGHT_KEY = 'strata.resultsHeight';
const DEFAULT_RESULTS_HEIGHT = 320;
const MIN_RESULTS_HEIGHT = 80;
const MAX_RESULTS_HEIGHT = 2000;

function rememberedResultsHeight(): number {
  try {
    const stored = Number(window.localStorage.getItem(RESULTS_HEIGHT_KEY));
    return Number.isFinite(stored) && stored >= MIN_RESULTS_HEIGHT ? Math.min(stored, MAX_RESULTS_HEIGHT) : DEFAULT_RESULTS_HEIGHT;
  } catch {
    return DEFAULT_RESULTS_HEIGHT;
  }
}

/** The workbench: editor tabs, the toolbar, Monaco, the results of the active tab and the status bar. */
export function EditorArea() {
  const activeTabId = useStore((s) => s.activeTabId);
  const activeTable = useStore((s) => s.tabs.find((tab) => tab.id === s.activeTabId)?.table);
  const [resultsHeight, setResultsHeight] = useState(rememberedResultsHeight);
  useGlobalShortcuts();

  const changeResultsHeight = (height: number) => {
    setResultsHeight(height);
    try {
      window.localStorage.setItem(RESULTS_HEIGHT_KEY, String(height));
    } catch {
      // Not remembering the height is harmless.
    }
  };

  return (
    <div className="editor-area">
      <TabBar />
      {activeTabId && !activeTable ? <Toolbar tabId={activeTabId} /> : null}
      {activeTabId && activeTable ? <TableDataView key={activeTabId} tabId={activeTabId} target={activeTable} /> : null}
      <div
        className="editor-split"
        style={{ gridTemplateRows: `minmax(60px, 1fr) auto minmax(${MIN_RESULTS_HEIGHT}px, ${resultsHeight}px)` }}
        hidden={!activeTabId || activeTable !== undefined}
      >
        <Suspense fallback={<div className="monaco-host monaco-loading">Loading the editor…</div>}>
          <MonacoEditor />
        </Suspense>
        <Splitter
          orientation="horizontal"
          label="Resize results"
          value={resultsHeight}
          min={MIN_RESULTS_HEIGHT}
          max={MAX_RESULTS_HEIGHT}
          direction={-1}
          onChange={changeResultsHeight}
        />
        {activeTabId && !activeTable ? <ResultsPanel tabId={activeTabId} /> : <div />}
      </div>
      {activeTabId ? null : <StartPanel />}
      <StatusBar />
    </div>
  );
}
