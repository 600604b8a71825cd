// Moved to src/core (issue 14: shared value types); re-exported for modules not yet re-pointed (delete once none imports it).
export * from '../core/exposure';
