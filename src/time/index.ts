// ISO 8601 durations and RFC 3339 instants with the PIM for Groups rules. Imports nothing of ours.
export * from './duration';
export * from './instant';
export * from './limits';
export * from './remaining';
export * from './durationInput';
export * from './words';
export * from './dateWords';
