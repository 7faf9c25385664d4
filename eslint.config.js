import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/.next/**', '**/dist/**', '**/generated/**', '.data/**', 'next-env.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "MemberExpression[object.name=/^(it|test|describe)$/][property.name='only']", message: 'no .only in tests' }],
    },
  },
);
