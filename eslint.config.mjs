import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// fluent-ffmpeg is archived upstream: it may appear in services/media/ffmpeg.node.ts and nowhere else.
const onlyFfmpegModuleUsesFluent = { name: 'fluent-ffmpeg', message: 'Only services/media/ffmpeg.node.ts uses fluent-ffmpeg.' };

/** One no-restricted-imports rule per file group (flat config would let a later one replace an earlier one). */
function restrictImports(patterns) {
  return ['error', { paths: [onlyFfmpegModuleUsesFluent], patterns }];
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['scripts/**/*.mjs', 'bin/**/*.cjs'], languageOptions: { globals: globals.node } },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Pure code must stay pure: no Node, no Electron, no React in core/.
    files: ['core/**/*.std.ts'],
    rules: {
      'no-restricted-imports': restrictImports([
        { group: ['node:*', 'electron', 'react', 'react-dom', 'fs', 'path', 'child_process'], message: 'core/ is pure: no I/O or frameworks.' },
      ]),
    },
  },
  {
    // The renderer reaches the main process only through window.safetake (src/app/api.dom.ts).
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrictImports([
        { group: ['node:*', 'electron', '**/services/*', '**/electron/*'], message: 'The renderer is sandboxed: use src/app/api.dom.ts.' },
      ]),
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['services/media/ffmpeg.node.ts', 'core/**', 'src/**'],
    rules: { 'no-restricted-imports': restrictImports([]) },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
