// The action's entry: GitHub runs dist/index.js, bundled from here.
console.log('benchgate action: not yet implemented');
