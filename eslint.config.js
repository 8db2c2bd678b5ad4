import tseslint from 'typescript-eslint';

const layer = (from, forbidden, message) => ({
  files: [`${from}/**/*.ts`],
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message })) }],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', 'test-results/', '.tmp/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'error',
    },
  },
  // Imports point inward only: domain ← db ← services ← server / cli.
  layer('src/domain', ['**/db/**', '**/services/**', '**/server/**', '**/cli/**', 'drizzle-orm*', 'fastify*', 'pg', '@electric-sql/*'], 'src/domain 是纯领域代码：不得依赖数据库、服务或 HTTP'),
  layer('src/db', ['**/services/**', '**/server/**', '**/cli/**'], 'src/db 不得依赖服务层或接口层'),
  layer('src/services', ['**/server/**', '**/cli/**', 'fastify*'], 'src/services 不得依赖接口层'),
  { files: ['bench/**', 'scripts/**', 'tests/**'], rules: { 'no-console': 'off' } },
);
