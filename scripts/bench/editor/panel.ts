/**
 * The user's actions in the node panel, each timed by the page itself (page-probe.js):
 * open the panel, choose a dropdown option, press a key in a field.
 */
import { join } from 'path';
import type { Page } from 'playwright-core';
import { canvasNode } from '../../n8n/editor';
import type { FieldLookup } from './scenarios';

export const PROBE_SCRIPT = join(__dirname, 'page-probe.js');

export type Condition = { field: FieldLookup } | { dropdown: { parameter: string; label: string } } | undefined;

export interface Timed {
	ms: number;
	/** Page clock (performance.now) at the input event and at the frame after the result showed. */
	start: number;
	end: number;
}

const STEP_TIMEOUT_MS = 30_000;

/** Calls a function of page-probe.js in the page. */
function probe<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
	return page.evaluate(([name, list]) => (globalThis as any).__editorBench[name as string](...(list as unknown[])), [method, args] as const);
}

/** Times `act` from its `eventType` event until `condition` shows in the panel. */
async function timed(page: Page, what: string, eventType: string, condition: Condition, act: () => Promise<void>): Promise<Timed> {
	await probe(page, 'arm', eventType, condition, STEP_TIMEOUT_MS);
	await act();
	const result = await Promise.race([
		probe<{ ms: number; ok: boolean; start: number; end: number }>(page, 'result'),
		new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: no ${eventType} event reached the page`)), STEP_TIMEOUT_MS + 5_000)),
	]);
	if (!result.ok) throw new Error(`${what}: the panel did not show the result within ${STEP_TIMEOUT_MS / 1000} s`);
	return { ms: result.ms, start: result.start, end: result.end };
}

/** Lets deferred work (debounced watchers, idle callbacks) finish before the next action. */
export function pause(page: Page, ms = 250): Promise<void> {
	return page.waitForTimeout(ms);
}

export function panelIsOpen(page: Page): Promise<boolean> {
	return probe<boolean>(page, 'panelOpen');
}

export async function openPanel(page: Page, nodeName: string, shows: FieldLookup): Promise<Timed> {
	if (await panelIsOpen(page)) await closePanel(page);
	return timed(page, `open ${nodeName}`, 'dblclick', { field: shows }, () => canvasNode(page, nodeName).dblclick());
}

export async function closePanel(page: Page): Promise<void> {
	// 1.x: "Back to canvas"; 2.x: a close button in the panel's header.
	const back = page.locator('[data-test-id="ndv"] :is([data-test-id="back-to-canvas"], [data-test-id="ndv-close-button"]):visible').first();
	if (await back.count()) await back.click();
	else await page.keyboard.press('Escape');
	await page.waitForFunction(() => !(globalThis as any).__editorBench.panelOpen(), undefined, { timeout: STEP_TIMEOUT_MS });
}

function dropdown(page: Page, parameter: string) {
	return page.locator(`[data-test-id="ndv"] [data-test-id="parameter-input-${parameter}"]:visible`).first();
}

/** Chooses `label` in the dropdown of `parameter`; timed from the click on the option. */
export async function choose(page: Page, parameter: string, label: string): Promise<Timed> {
	await dropdown(page, parameter).click();
	await page.waitForFunction((text) => (globalThis as any).__editorBench.markOption(text), label, { timeout: STEP_TIMEOUT_MS });
	const option = page.locator('[data-bench-option="choose"]');
	await option.scrollIntoViewIfNeeded();
	await pause(page, 150);
	return timed(page, `${parameter} → ${label}`, 'click', { dropdown: { parameter, label } }, () => option.click());
}

export async function dropdownShows(page: Page, parameter: string, label: string): Promise<boolean> {
	return probe<boolean>(page, 'dropdownShows', parameter, label);
}

/** Clicks into the field found by `field` and puts the caret at its end. */
export async function focusField(page: Page, field: FieldLookup): Promise<void> {
	const found = await probe<boolean>(page, 'markField', field, 'typing');
	if (!found) throw new Error(`no field labelled "${field.label}" (or named ${field.names.join(', ')}) in the panel`);
	const input = page.locator('[data-bench-field="typing"]');
	await input.click();
	// The End key only where the caret cannot be set (<input type="number">): 2.x's number
	// fields are text inputs that take End as "go to the maximum".
	const caretSet = await input.evaluate((element: any) => {
		try {
			element.setSelectionRange(element.value.length, element.value.length);
			return true;
		} catch {
			return false;
		}
	});
	if (!caretSet) await page.keyboard.press('End');
	await pause(page, 300);
}

export interface Typing {
	keystrokes: number[];
	/** The field's value before and after: the keys are chosen to leave it as it was. */
	before: string;
	after: string;
	longTasks: Array<{ start: number; duration: number }>;
}

/**
 * Presses `keys` one by one in the focused field, each timed from its keydown to the
 * second frame after it; the long tasks are those that started while typing (and shortly after).
 */
export async function type(page: Page, what: string, keys: string[]): Promise<Typing> {
	const field = page.locator('[data-bench-field="typing"]');
	const before = await field.inputValue().catch(() => '');
	const keystrokes: number[] = [];
	let from = Infinity;
	let to = 0;
	for (const key of keys) {
		const t = await timed(page, `${what}: key ${key}`, 'keydown', undefined, () => page.keyboard.press(key));
		keystrokes.push(t.ms);
		from = Math.min(from, t.start);
		to = Math.max(to, t.end);
		await pause(page, 120);
	}
	await pause(page, 300);
	const longTasks = await probe<Array<{ start: number; duration: number }>>(page, 'longTasks', from - 1, to + 400);
	return { keystrokes, longTasks, before, after: await field.inputValue().catch(() => '') };
}
