export * from './types';
export * from './defaults';
export * from './validate';
export * from './context';
export * from './hosts';
