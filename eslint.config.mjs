// Lint, including the layer rules that keep the process boundaries honest (as VS Code's layer checks do):
//   shared/   imports nothing from electron/ or renderer/, and nothing Node- or DOM-specific;
//   renderer/ never imports electron/ or Node;
//   only electron/main.ts and electron/preload.ts import 'electron'.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const nodeImportRule = { paths: nodeBuiltins.map((name) => ({ name, message: 'Node modules are not allowed in this layer.' })) };
const electronOnlyInShell = { name: 'electron', message: "Only electron/main.ts and electron/preload.ts may import 'electron'." };

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'release/', 'test-results/', 'playwright-report/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render HTML from data.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Never render HTML from data.' },
        { selector: "AssignmentExpression[left.property.name='outerHTML']", message: 'Never render HTML from data.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Never render HTML from data.' },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['electron/**/*.{ts,mjs}', 'test/**/*.ts', '*.mjs', 'resources/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell], patterns: [{ group: ['**/renderer/**'], message: 'Main-process code never imports the renderer.' }] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeImportRule.paths, electronOnlyInShell],
          patterns: [{ group: ['**/electron/**', '**/renderer/**', '**/test/**'], message: 'shared/ imports nothing from the other layers.' }],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeImportRule.paths, electronOnlyInShell],
          patterns: [{ group: ['**/electron/**'], message: 'The renderer reaches main only through renderer/bridge.' }],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require'],
    },
  },
);
