export * from './memberships';
export * from './activate';
export * from './approvals';
