export * from './model';
export * from './markdown';
export * from './html';
export * from './page';
export * from './drift';
export * from './templates';
