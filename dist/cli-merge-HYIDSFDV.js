#!/usr/bin/env node
import { createRequire as __benchgateCreateRequire } from 'module';
const require = __benchgateCreateRequire(import.meta.url);
import {
  finishShard,
  mergeCommand,
  mergedExtra
} from "./cli-chunk-KUDWODQR.js";
import "./cli-chunk-KZ4WF3FL.js";
import "./cli-chunk-UQ7IEQOX.js";
import "./cli-chunk-UA4GODWJ.js";
import "./cli-chunk-MK35M2OK.js";
export {
  finishShard,
  mergeCommand,
  mergedExtra
};
