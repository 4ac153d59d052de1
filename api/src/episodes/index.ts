export * from './breakdown';
export * from './episode-figures.model';
export * from './episode-scope';
export * from './episode-scope.sql';
export * from './derived-data';
export * from './admission-months.sql';
