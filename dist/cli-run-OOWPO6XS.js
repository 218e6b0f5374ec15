#!/usr/bin/env node
import { createRequire as __benchgateCreateRequire } from 'module';
const require = __benchgateCreateRequire(import.meta.url);
import {
  baselineCommand,
  runCommand,
  runSettingsFrom,
  stderrLog
} from "./cli-chunk-3JRMS25V.js";
import "./cli-chunk-C3637UZB.js";
import "./cli-chunk-UWCGDSMP.js";
import "./cli-chunk-Z3FIBFOG.js";
import {
  BASELINE_USAGE,
  RUN_USAGE
} from "./cli-chunk-344SUKOR.js";
export {
  BASELINE_USAGE,
  RUN_USAGE,
  baselineCommand,
  runCommand,
  runSettingsFrom,
  stderrLog
};
