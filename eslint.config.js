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
  {
    // architecture: only the models layer touches Prisma (apps/api/src/models/db.ts builds the client)
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['apps/api/src/models/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{
        group: ['@prisma/client', '@prisma/client/*', '**/models/generated/**'],
        allowTypeImports: true,
        message: 'Only apps/api/src/models may use the Prisma client; go through a models function',
      }] }],
    },
  },
  {
    // architecture: onnxruntime-node only in the inference model adapters; everything else gets our own types
    files: ['**/*.ts', '**/*.tsx'],
    ignores: [
      'apps/inference/src/objects/IsnetMatter.ts',
      'apps/inference/src/text/ocrModels.ts',
      // runs the rewritten model to show it computes what the original did
      'apps/inference/src/objects/float32Model.test.ts',
      'apps/inference/scratch/**',
    ],
    rules: {
      'no-restricted-imports': ['error', { paths: [{
        name: 'onnxruntime-node',
        message: 'Only the model adapters (IsnetMatter.ts, ocrModels.ts) may import onnxruntime-node',
      }] }],
    },
  },
);
