export * from './input-error';
export * from './prop-checks';
export * from './reject-input';
export * from './stand-in';
