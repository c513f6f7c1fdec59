export { applyPlan, ApplyOptions } from './applyPlan';
export * from './model';
