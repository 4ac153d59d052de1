export * from './session-figures.model';
export * from './group-type-order';
export * from './type-week-breakdown';
