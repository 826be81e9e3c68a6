import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// fluent-ffmpeg is archived upstream: it may appear in services/media/ffmpeg.node.ts and nowhere else.
const onlyFfmpegModuleUsesFluent = { name: 'fluent-ffmpeg', message: 'Only services/media/ffmpeg.node.ts uses fluent-ffmpeg.' };

/**
 * The layers (docs/architecture.md): core is pure and imports only core; services import core and services;
 * the renderer (src) imports core and its own files, and reaches main only through src/app/api.dom.ts;
 * electron and the CLI sit on top of core and services. Tests and benchmarks may import any layer.
 */
const layers = [
  { type: 'core', pattern: 'core', partialMatch: false },
  { type: 'services', pattern: 'services', partialMatch: false },
  { type: 'renderer', pattern: 'src', partialMatch: false },
  { type: 'electron', pattern: 'electron', partialMatch: false },
  { type: 'cli', pattern: 'cli', partialMatch: false },
];
const mayImport = {
  core: ['core'],
  services: ['core', 'services'],
  renderer: ['core', 'renderer'],
  electron: ['core', 'services', 'electron'],
  cli: ['core', 'services', 'cli'],
};

/**
 * Where a file runs, by its suffix (as in Signal Desktop): .std anywhere, .node in Node, .dom in the renderer
 * and its workers, .main in Electron's main process, .preload in the sandboxed preload. A file may import
 * only files that run wherever it runs.
 */
const runtimes = [
  { category: 'std', pattern: '**/*.std.ts' },
  { category: 'node', pattern: '**/*.node.ts' },
  { category: 'dom', pattern: '**/*.dom.{ts,tsx}' },
  { category: 'main', pattern: '**/*.main.ts' },
  { category: 'preload', pattern: '**/*.preload.ts' },
];
const runsWith = { std: ['std'], node: ['std', 'node'], dom: ['std', 'dom'], main: ['std', 'node', 'main'], preload: ['std', 'preload'] };
/** Packages that tie a file to one runtime. */
const runtimePackages = {
  std: ['electron', 'react', 'react-dom', 'fluent-ffmpeg', 'exiftool-vendored'],
  dom: ['electron', 'fluent-ffmpeg', 'exiftool-vendored'],
  node: ['electron', 'react', 'react-dom'],
  preload: ['react', 'react-dom', 'fluent-ffmpeg', 'exiftool-vendored'],
};
const otherRuntimes = (category) => runtimes.map((runtime) => runtime.category).filter((other) => !runsWith[category].includes(other));

const dependencyPolicies = [
  ...Object.entries(mayImport).map(([type, allowed]) => ({
    from: { element: { type } },
    disallow: { to: { element: { types: { anyOf: layers.map((layer) => layer.type).filter((other) => !allowed.includes(other)) } } } },
  })),
  ...runtimes.map(({ category }) => ({
    from: { file: { categories: category } },
    disallow: { to: { file: { categories: `{${otherRuntimes(category).join(',')}}` } } },
  })),
  ...Object.entries(runtimePackages).map(([category, packages]) => ({
    from: { file: { categories: category } },
    disallow: { to: { module: { origin: 'external', source: `{${packages.join(',')}}` } } },
  })),
  // Node's own modules (fs, node:path, ...) only where Node runs.
  ...['std', 'dom', 'preload'].map((category) => ({
    from: { file: { categories: category } },
    disallow: { to: { module: { origin: 'core' } } },
  })),
];

/** Each layer's folder holds only files whose suffix says they run where that layer runs. */
const suffixPerFolder = [
  { folder: 'core', suffixes: ['std'] },
  { folder: 'services', suffixes: ['node'] },
  { folder: 'src', suffixes: ['dom'] },
  { folder: 'electron/main', suffixes: ['main'] },
  { folder: 'electron/preload', suffixes: ['preload'] },
  { folder: 'cli', suffixes: ['node', 'std'] },
].map(({ folder, suffixes }) => ({
  files: [`${folder}/**/*.{ts,tsx}`],
  ignores: [...suffixes.map((suffix) => `${folder}/**/*.${suffix}.{ts,tsx}`), '**/*.test.ts', '**/*.d.ts'],
  rules: { 'no-restricted-syntax': ['error', { selector: 'Program', message: `Files in ${folder}/ end in ${suffixes.map((suffix) => `.${suffix}.ts`).join(' or ')}: the suffix says where a file runs.` }] },
}));

/**
 * Every word the renderer shows comes from the message catalogues (core/i18n): literal text in JSX, and
 * literal strings in the attributes a person reads or hears, are refused. Punctuation, symbols and the app's
 * own name pass.
 */
const SHOWN_ATTRIBUTES = 'aria-label|aria-description|aria-roledescription|aria-valuetext|aria-placeholder|title|placeholder|alt|label|hint|legend|summary|heading|description|message|caption';
const WORDS = '/\\p{L}{2}/u';
const noLiteralText = [
  { selector: `JSXText[value=${WORDS}]:not([value=/^\\s*SafeTake\\s*$/])`, message: 'Text in the UI comes from the catalogues: t(\'…\') (core/i18n/messages/en.json).' },
  { selector: `:matches(JSXElement, JSXFragment) > JSXExpressionContainer > Literal[value=${WORDS}]`, message: 'Text in the UI comes from the catalogues: t(\'…\').' },
  { selector: `:matches(JSXElement, JSXFragment) > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=${WORDS}]`, message: 'Text in the UI comes from the catalogues: t(\'…\', { values }).' },
  { selector: `JSXAttribute[name.name=/^(${SHOWN_ATTRIBUTES})$/] > Literal[value=${WORDS}]`, message: 'A label people read or hear comes from the catalogues: t(\'…\').' },
  {
    selector: `JSXAttribute[name.name=/^(${SHOWN_ATTRIBUTES})$/] > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=${WORDS}]`,
    message: 'A label people read or hear comes from the catalogues: t(\'…\', { values }).',
  },
];

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
    files: ['**/*.{ts,tsx}'],
    plugins: { boundaries, 'import-x': importX },
    settings: {
      'boundaries/elements': layers,
      'boundaries/files': runtimes,
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.node.json', 'tsconfig.web.json'], noWarnOnMultipleProjects: true })],
      'import/resolver': { typescript: { project: ['tsconfig.node.json', 'tsconfig.web.json'], noWarnOnMultipleProjects: true } },
      'boundaries/dependency-nodes': ['import', 'dynamic-import', 'export'],
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'allow', checkAllOrigins: true, policies: dependencyPolicies }],
      'import-x/no-cycle': 'error',
      'import-x/no-duplicates': 'error',
    },
  },
  {
    // The renderer reaches the main process only through window.safetake (src/app/api.dom.ts).
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [onlyFfmpegModuleUsesFluent], patterns: [{ group: ['**/preload/*'], message: 'The renderer is sandboxed: use src/app/api.dom.ts.' }] }] },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['services/media/ffmpeg.node.ts', 'src/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [onlyFfmpegModuleUsesFluent] }] },
  },
  { files: ['src/**/*.tsx'], rules: { 'no-restricted-syntax': ['error', ...noLiteralText] } },
  ...suffixPerFolder,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
