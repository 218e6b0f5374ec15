// The action's entry: GitHub runs dist/index.js, bundled from here. Everything is in src/action/.
import { run } from './action/main.js';

void run();
