#!/usr/bin/env node
import { createRequire as __benchgateCreateRequire } from 'module';
const require = __benchgateCreateRequire(import.meta.url);
import {
  finishShard,
  mergeCommand,
  mergedExtra
} from "./cli-chunk-T5RMCFAR.js";
import "./cli-chunk-MBGZRZUM.js";
import "./cli-chunk-YZRRKXLO.js";
import "./cli-chunk-4PIFQWBO.js";
import "./cli-chunk-WUPSUPQZ.js";
export {
  finishShard,
  mergeCommand,
  mergedExtra
};
