export * from './breakdown';
export * from './episode-figures.model';
export * from './episode-scope';
export * from './derived-data';
