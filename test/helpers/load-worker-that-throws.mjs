// A load worker that cannot start: its first statement throws.
throw new Error('this load worker fails on purpose');
