export * from './types';
export * from './defaults';
export * from './validate';
export * from './context';
export * from './hosts';
export * from './regions';
export * from './schema';
export * from './image-reference';
