// The CLI's entry: `benchgate`, bundled to dist/cli.js.
console.log('benchgate: not yet implemented');
