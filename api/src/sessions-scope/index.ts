export * from './session-scope.sql';
export * from './session-figures.model';
export * from './group-type-order';
export * from './type-week-breakdown';
export * from './derived-session-scope.sql';
