/**
 * Monaco, bundled locally: the core editor API, only the editor features a SQL tab uses, the three
 * SQL grammars, and the editor worker built by Vite. Nothing is fetched from a CDN.
 */
import * as monaco from 'monaco-editor/editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/languages/definitions/sql/register';
import 'monaco-editor/languages/definitions/pgsql/register';
import 'monaco-editor/languages/definitions/mysql/register';
import type { Engine } from '../../../shared/model/connection';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

/** Colours follow renderer/styles/theme.css so the editor sits in the app without a seam. */
monaco.editor.defineTheme('strata-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#ffffff',
    'editorGutter.background': '#ffffff',
    'editorLineNumber.foreground': '#9aa1ae',
    'editorLineNumber.activeForeground': '#1d2230',
    'editor.lineHighlightBackground': '#f4f6fa',
    'editor.lineHighlightBorder': '#00000000',
    'editor.selectionBackground': '#cfdcfb',
    'editor.inactiveSelectionBackground': '#e2e8f4',
    'editorWidget.background': '#ffffff',
    'editorWidget.border': '#c9ced8',
    'editorSuggestWidget.background': '#ffffff',
    'editorSuggestWidget.border': '#c9ced8',
    'editorSuggestWidget.selectedBackground': '#dde8fd',
    'editorHoverWidget.background': '#ffffff',
    'editorHoverWidget.border': '#c9ced8',
    'editorError.foreground': '#cf222e',
    'focusBorder': '#2f6feb73',
  },
});

monaco.editor.defineTheme('strata-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#1e1f23',
    'editorGutter.background': '#1e1f23',
    'editorLineNumber.foreground': '#6c727c',
    'editorLineNumber.activeForeground': '#dfe1e5',
    'editor.lineHighlightBackground': '#25272c',
    'editor.lineHighlightBorder': '#00000000',
    'editor.selectionBackground': '#2c4a7c',
    'editor.inactiveSelectionBackground': '#2a3345',
    'editorWidget.background': '#2d3036',
    'editorWidget.border': '#4a4e57',
    'editorSuggestWidget.background': '#2d3036',
    'editorSuggestWidget.border': '#4a4e57',
    'editorSuggestWidget.selectedBackground': '#2c4a7c',
    'editorHoverWidget.background': '#2d3036',
    'editorHoverWidget.border': '#4a4e57',
    'editorError.foreground': '#f47067',
    'focusBorder': '#4c8dff8c',
  },
});

/** Monaco's grammar for the engine's SQL dialect. */
export function languageFor(engine: Engine | null): string {
  if (engine === 'postgres') return 'pgsql';
  if (engine === 'mysql') return 'mysql';
  return 'sql';
}

export { monaco };
