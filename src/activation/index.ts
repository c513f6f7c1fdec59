export * from './memberships';
export * from './activate';
export * from './approvals';
export * from './requestChecks';
export * from './roleChoice';
export * from './stepUp';
export * from './waitForDecision';
export * from './withdraw';
