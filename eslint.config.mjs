// ESLint flat config: ESLint's recommended rules plus typescript-eslint's type-checked recommended rules.
// Layout is Prettier's job (.prettierrc.json); `npm run lint` (part of `npm test`) runs ESLint, Prettier and knip.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'build/', 'coverage/', 'data/', 'test-artifacts/', 'vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading underscore marks a deliberately unused name, as tsc's noUnusedLocals/noUnusedParameters accept;
      // `const { dropped, ...rest } = value` copies an object without a field.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Off: an `async` function without `await` is deliberate here. It implements a Promise-returning interface
      // (storage, telemetry, readiness checks) so that a throw becomes a rejection, and restify treats async
      // handlers differently from callback handlers (no `next`), so dropping `async` would change behaviour.
      '@typescript-eslint/require-await': 'off',
      // Prettier keeps code within 120 characters but leaves comments and strings as written: comments must fit too.
      // Lines holding a string, template literal, regular expression or URL may be longer (user-visible text and
      // expected output stay greppable on one line).
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // vitest's asymmetric matchers (expect.stringContaining, expect.any ...) are typed `any`; they are
      // meant to be placed inside expected objects.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      // The project rule "no .only / .skip": every test runs (conditional runs use describe.runIf with a reason).
      'no-restricted-properties': [
        'error',
        ...['describe', 'it', 'test'].flatMap((object) =>
          ['only', 'skip'].map((property) => ({ object, property, message: 'Every test runs: no .only / .skip.' })),
        ),
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // CommonJS: require() is how this file loads modules.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
