export * from './comparison-kind.enum';
export * from './group-type.enum';
export * from './metrics-filter.input';
export * from './resolve-scope';
