#!/usr/bin/env node
import { createRequire as __benchgateCreateRequire } from 'module';
const require = __benchgateCreateRequire(import.meta.url);
import {
  finishShard,
  mergeCommand,
  mergedExtra
} from "./cli-chunk-VID4ONBU.js";
import "./cli-chunk-IOGJCU5H.js";
import "./cli-chunk-CKPW7S3H.js";
import "./cli-chunk-TJYKG5Z2.js";
import "./cli-chunk-4LKE2BYH.js";
export {
  finishShard,
  mergeCommand,
  mergedExtra
};
