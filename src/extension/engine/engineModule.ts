// Everything the extension needs from the engine (Graph transport, reader, planner, apply, export, activation,
// sandbox), bundled by esbuild into its own file, dist/engine.js, and loaded on first use (engineLoader.ts), so
// activate() stays small and fast. This file must not import `vscode`.
export * as graph from './graphExports';
export * as plan from '../../plan';
export * as apply from '../../apply';
export * as activation from '../../activation';
export * as exporter from './exportExports';
export { startSandbox } from '../../sandbox';
export { mintSandboxToken } from '../../auth/sandboxToken';
export * as auth from '../../auth/tokenSource';
export * as bindings from './bindingsExports';
export * as readiness from '../../readiness';
export * as governance from '../../governance';
