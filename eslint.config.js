// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Import boundaries between the layers (docs/decisions/0001-architecture.md). */
const noReact = [
  {
    group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', '@tanstack/*'],
    message: 'pure layers do not use React, zustand or react-query',
  },
];
const layer = (dir, forbidden, extra = []) => ({
  files: [`src/${dir}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbidden.map((d) => ({
            group: [`**/${d}/*`, `**/${d}`],
            message: `src/${dir} must not import src/${d}`,
          })),
          ...extra,
        ],
      },
    ],
  },
});
const ALL = [
  'protocol',
  'parse',
  'model',
  'layout',
  'render',
  'features',
  'state',
  'api',
  'export',
  'app',
];
const except = (...allowed) => ALL.filter((d) => !allowed.includes(d));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'fixtures/**',
      '.bench/**',
      'src/parse/formats/snapshotValidator.gen.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  layer('protocol', except('protocol'), noReact),
  layer('model', except('protocol', 'model'), noReact),
  layer('parse', except('protocol', 'model', 'parse'), noReact),
  layer('layout', except('protocol', 'model', 'layout'), [
    ...noReact,
    { group: ['d3-selection', 'd3-zoom', 'd3-transition'], message: 'layout is math only' },
  ]),
  layer('render', except('protocol', 'model', 'layout', 'render'), [
    { group: ['zustand', 'zustand/*', '@tanstack/*'], message: 'render draws props only' },
  ]),
  {
    files: ['agent/**/*.{ts,mts,js,mjs}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/*/**', '!**/src/protocol/**', '!**/src/parse/**', '!**/src/model/**'],
              message: 'the agent imports only the pure core',
            },
          ],
        },
      ],
    },
  },
);
