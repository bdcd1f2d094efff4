// Lint: the recommended TypeScript rules, plus the architecture boundaries of docs/ARCHITECTURE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', '.vscode-test/**', '**/*.vsix', 'test/e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The pure language core knows nothing of LSP, VS Code or the process it runs in.
    files: ['util/**/*.ts', 'grammar/**/*.ts', 'server/src/law/**/*.ts', 'server/src/check/**/*.ts', 'server/src/service/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*', 'vscode'], message: 'The language core must not depend on LSP or VS Code (docs/ARCHITECTURE.md).' },
          { group: ['node:child_process', 'child_process', 'node:net', 'net', 'node:http', 'http', 'node:https', 'https', 'node:dgram', 'dgram'], message: 'The language core opens no process or connection.' },
        ],
      }],
    },
  },
  {
    files: ['grammar/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/server/**', '../server/*'], message: 'grammar/ knows nothing of the law or the server.' }],
      }],
    },
  },
  {
    files: ['util/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['../*', 'node:*'], message: 'util/ is the bottom layer: it imports nothing.' }],
      }],
    },
  },
);
