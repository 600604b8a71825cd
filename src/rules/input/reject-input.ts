// Moved to src/core/input (issue 14); re-exported for modules not yet re-pointed (delete once none imports it).
export * from '../../core/input/reject-input';
