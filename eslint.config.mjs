// `npm run lint`: typescript-eslint's type-checked recommended rules, and no floating promises,
// over every TypeScript file (CI runs it with --max-warnings 0).
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["src/generated/", "dist/", "node_modules/", ".tmp/", "data/", "coverage/", "artifacts/"] },
  {
    files: ["src/**/*.ts", "scripts/**/*.ts", "tests/**/*.ts", "prisma/**/*.ts", "*.config.ts"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // `void promise` marks a deliberate fire-and-forget (the rule's default, stated here).
      "@typescript-eslint/no-floating-promises": ["error", { ignoreVoid: true }],
      // In-memory twins of async interfaces (stores, event buses, mail transports, mutation
      // effects) stay `async` without awaiting, so a throw is a rejection as in their Redis/SMTP twins.
      "@typescript-eslint/require-await": "off",
      // `_name` is a value left out on purpose (`const { body: _body, ...rest } = row`).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    // Tests read GraphQL and HTTP answers as untyped JSON and check their shape with expect();
    // typing every answer would restate the schema in each test.
    files: ["tests/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
);
