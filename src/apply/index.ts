export { applyPlan, ApplyOptions } from './applyPlan';
export * from './model';
export * from './adminChange';
