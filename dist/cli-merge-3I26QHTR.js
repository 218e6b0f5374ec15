#!/usr/bin/env node
import { createRequire as __benchgateCreateRequire } from 'module';
const require = __benchgateCreateRequire(import.meta.url);
import {
  finishShard,
  mergeCommand,
  mergedExtra
} from "./cli-chunk-3JRMS25V.js";
import "./cli-chunk-C3637UZB.js";
import "./cli-chunk-UWCGDSMP.js";
import "./cli-chunk-Z3FIBFOG.js";
import "./cli-chunk-344SUKOR.js";
export {
  finishShard,
  mergeCommand,
  mergedExtra
};
