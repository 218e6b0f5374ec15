#!/usr/bin/env node
import { createRequire as __benchgateCreateRequire } from 'module';
const require = __benchgateCreateRequire(import.meta.url);
import {
  baselineCommand,
  runCommand,
  runSettingsFrom,
  stderrLog
} from "./cli-chunk-T5RMCFAR.js";
import "./cli-chunk-MBGZRZUM.js";
import "./cli-chunk-YZRRKXLO.js";
import "./cli-chunk-4PIFQWBO.js";
import {
  BASELINE_USAGE,
  RUN_USAGE
} from "./cli-chunk-WUPSUPQZ.js";
export {
  BASELINE_USAGE,
  RUN_USAGE,
  baselineCommand,
  runCommand,
  runSettingsFrom,
  stderrLog
};
