// Governance after apply: approvals from the command line, who used which access and when, and access that ends soon.
export * from './approvals';
export * from './expiring';
export * from './history';
export * from './historyEvent';
export * from './names';
