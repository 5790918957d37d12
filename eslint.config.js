// ESLint: the recommended rules of ESLint, typescript-eslint and eslint-plugin-svelte. Formatting is
// Prettier's job (`npm run format:check`), so there are no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', '.test-artifacts/', 'data/', 'web/src/api/contract.gen.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // TypeScript checks names; ESLint's own check does not know type-only globals such as GeoJSON.
      'no-undef': 'off',
      // The boundaries that refuse control characters (JSON bodies, URLs, chat files) match them on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // Sets and maps built inside a handler and then assigned to $state are temporaries, not state.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    // a variable a closure reads before its one assignment (set once the store is open) stays `let`;
    // Svelte files keep the plugin's own rule, which knows that `let { … } = $props()` is reactive
    files: ['**/*.ts'],
    rules: { 'prefer-const': ['error', { ignoreReadBeforeAssign: true }] },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    // Tests read untyped JSON answers; migrations take `Kysely<any>`, as kysely documents, because a
    // migration must not depend on today's schema type.
    files: ['**/*.test.ts', 'db/migrations/**', 'tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
