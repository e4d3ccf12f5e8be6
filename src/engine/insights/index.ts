/** Demand made visible (issue 20): configuration events, their daily aggregate and the insights. */
export * from './events.ts';
export * from './aggregate.ts';
export * from './filter.ts';
export * from './buyerInsights.ts';
export * from './winLoss.ts';
export * from './demand.ts';
export * from './advisor.ts';
export * from './settings.ts';
