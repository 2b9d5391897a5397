// Lint: typescript-eslint's recommended rules, the hooks rules, and the boundaries of the
// architecture (client / server / shared / service worker; UI never touches IndexedDB tables).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TABLES = 'meta|staff|campaigns|talkTracks|visits|recommendations|outbox|pinFailures|signingKeys';

/** `from` may not import anything under the folders named. */
const forbid = (...folders) =>
  folders.map((f) => ({ group: [`**/${f}/**`, `**/${f}`], message: `this layer must not import ${f}/: go through the shared contract or the layer's own API` }));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/peer/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  { files: ['src/shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: forbid('client', 'server', 'sw') }] } },
  { files: ['src/server/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: forbid('client', 'sw') }] } },
  { files: ['src/sw/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: forbid('client', 'server') }] } },
  { files: ['src/client/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', { patterns: forbid('server', 'sw') }] } },
  {
    // Screens read and write the tablet's store only through src/client/db/.
    files: ['src/client/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'dexie', message: 'screens go through src/client/db/, never Dexie itself' }], patterns: forbid('server', 'sw') }],
      'no-restricted-syntax': [
        'error',
        {
          selector: `MemberExpression[property.name=/^(${TABLES})$/][object.name='db']`,
          message: 'screens never touch IndexedDB tables: add a query or a write to src/client/db/ and call it',
        },
      ],
    },
  },
);
