/*
 * Loaded into every measured `n8n execute` process (node --expose-gc --require <this file>),
 * before n8n itself. Plain JavaScript: no ts-node inside the process being measured.
 *
 * 1. One full garbage collection when the workflow starts, before its first node. n8n's
 *    start-up leaves some 70 MB of garbage in the old generation; left alone, V8 collects it
 *    at a moment of its choosing, often in the middle of the measured nodes, and what the
 *    heap does there then swings by tens of MB from one run to the next. The collection
 *    runs before the trigger node, so no node's executionTime includes it.
 * 2. The V8 heap, sampled every 5 ms from inside (v8.getHeapStatistics: no system call),
 *    written as [[epoch ms, used heap + external bytes], …] to $BENCH_HEAP_FILE when n8n
 *    exits. The RSS is sampled from outside (measure.ts); the heap says what the nodes
 *    allocate, which the RSS hides once V8 reuses pages it already holds.
 */
'use strict';

const Module = require('module');
const { writeFileSync } = require('fs');
const v8 = require('v8');

const file = process.env.BENCH_HEAP_FILE;
const samples = [];
function sample() {
	const { used_heap_size: used, external_memory: external } = v8.getHeapStatistics();
	samples.push([Date.now(), used + (external ?? 0)]);
}

const gc = global.gc;
if (typeof gc === 'function') {
	const load = Module._load;
	Module._load = function (request, ...rest) {
		const exports = load.call(this, request, ...rest);
		const WorkflowExecute = request === 'n8n-core' ? exports?.WorkflowExecute : undefined;
		if (WorkflowExecute?.prototype?.processRunExecutionData) {
			const run = WorkflowExecute.prototype.processRunExecutionData;
			WorkflowExecute.prototype.processRunExecutionData = function (...args) {
				gc();
				if (file) sample(); // the baseline: the heap as the workflow's nodes find it
				return run.apply(this, args);
			};
			Module._load = load;
		}
		return exports;
	};
}

if (file) {
	const timer = setInterval(sample, 5);
	timer.unref();
	process.on('exit', () => writeFileSync(file, JSON.stringify(samples)));
}
