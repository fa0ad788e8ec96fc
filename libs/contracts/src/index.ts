export * from './taxonomy';
export * from './training-states';
export * from './errors';
export * from './auth';
export * from './organisation';
export * from './health';
export * from './audit';
