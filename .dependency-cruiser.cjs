// The import rules of src/ (docs/design.md, "The picture"), checked by `npm run depcheck` in CI.
// Paths are relative to the directory depcruise runs in, so the same rules also judge the planted
// trees in tests/fixtures/import-graph (tests/unit/import-rules.test.ts).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A cycle, even of type-only imports, means two modules share a contract that belongs in a ' +
        'module of its own (as the platform contract lives in src/adapters/platform.ts).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-platform-neutral',
      severity: 'error',
      comment:
        'src/core knows no adapter, no wiring and no command line: they depend on it, never the ' +
        'other way round.',
      from: { path: '^src/core/' },
      to: { path: '^src/(adapters|app|cli)/' },
    },
    {
      name: 'adapters-do-not-know-the-app',
      severity: 'error',
      comment:
        'Adapters implement the platform contract (src/adapters/platform.ts); src/app and src/cli ' +
        'choose and start them, so adapters import neither.',
      from: { path: '^src/adapters/' },
      to: { path: '^src/(app|cli)/' },
    },
    {
      name: 'platform-sdks-stay-in-their-adapter',
      severity: 'error',
      comment:
        'No Slack or Discord type enters src/core, src/store or src/term-of-day; each SDK is ' +
        'loaded only by its own adapter.',
      from: { path: '^src/(core|store|term-of-day)/' },
      to: { path: '(^|/)node_modules/(@slack/|discord\\.js/|@discordjs/)' },
    },
  ],
  options: {
    // Type-only imports are erased by tsc, but a cycle of them is still a tangle of contracts:
    // the cycle issue 13 found (src/app/start-bot.ts ↔ src/adapters/*/start-*.ts) was one.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
  },
};
