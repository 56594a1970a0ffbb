/*
 * Runs inside the editor page before n8n's own scripts (page.addInitScript). It times one
 * user action from the browser's own clock: from the input event's timeStamp to the second
 * animation frame after the panel shows what the action asked for, so the frame that
 * painted the result has been produced. Playwright's round trips are not in it.
 * Long tasks (main thread busy > 50 ms) are recorded all along.
 */
(() => {
	const longTasks = [];
	try {
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
		}).observe({ type: 'longtask', buffered: true });
	} catch {
		// no Long Tasks API: counts stay empty
	}

	const isVisible = (element) => !!element && element.getClientRects().length > 0;
	const normalise = (text) => (text || '').replace(/\*/g, '').replace(/\s+/g, ' ').trim();

	/** The open node panel (n8n keeps closed ones in the DOM, hidden). */
	function panel() {
		return [...document.querySelectorAll('[data-test-id="ndv"]')].find(isVisible) || null;
	}

	const INPUTS = 'input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]), textarea, [contenteditable="true"]';

	/**
	 * The input of the field labelled `label` in the open panel: from the label up to the
	 * nearest container that holds an input and no other label. Then by parameter name.
	 */
	function findField(field) {
		const root = panel();
		if (!root) return null;
		for (const label of root.querySelectorAll('label, [data-test-id="input-label"]')) {
			if (!isVisible(label) || normalise(label.textContent) !== field.label) continue;
			for (let box = label.parentElement, depth = 0; box && box !== root && depth < 8; box = box.parentElement, depth++) {
				const labels = [...box.querySelectorAll('label')].filter((l) => isVisible(l) && normalise(l.textContent) !== '');
				if (labels.length > 1 && !labels.every((l) => label.contains(l) || l.contains(label))) break;
				const input = [...box.querySelectorAll(INPUTS)].find(isVisible);
				if (input) return input;
			}
		}
		for (const name of field.names) {
			const box = root.querySelector(`[data-test-id="parameter-input-${name}"]`);
			const input = box && [...box.querySelectorAll(INPUTS)].find(isVisible);
			if (input) return input;
		}
		return null;
	}

	/** Marks the field's input so that Playwright can click it; false when it is not in the panel. */
	function markField(field, mark) {
		for (const old of document.querySelectorAll(`[data-bench-field="${mark}"]`)) old.removeAttribute('data-bench-field');
		const input = findField(field);
		if (input) input.setAttribute('data-bench-field', mark);
		return !!input;
	}

	/**
	 * Marks the visible dropdown option labelled `label`. An option may carry a description
	 * under its label, so its first line of text counts too.
	 */
	function markOption(label) {
		for (const old of document.querySelectorAll('[data-bench-option]')) old.removeAttribute('data-bench-option');
		const options = [...document.querySelectorAll('.el-select-dropdown__item, [role="option"]')].filter(isVisible);
		const firstLine = (option) => {
			const leaf = [...option.querySelectorAll('*')].find((e) => e.children.length === 0 && normalise(e.textContent) !== '');
			return leaf ? normalise(leaf.textContent) : '';
		};
		const match = options.find((o) => normalise(o.textContent) === label) || options.find((o) => firstLine(o) === label);
		if (match) match.setAttribute('data-bench-option', 'choose');
		return !!match;
	}

	/** Whether the dropdown of `parameter` in the open panel shows `label`. */
	function dropdownShows(parameter, label) {
		const root = panel();
		const box = root && root.querySelector(`[data-test-id="parameter-input-${parameter}"]`);
		if (!box) return false;
		return [...box.querySelectorAll('input')].some((input) => input.value === label) || normalise(box.textContent).includes(label);
	}

	function check(condition) {
		if (!condition) return true;
		if (condition.field) return !!findField(condition.field);
		if (condition.dropdown) return dropdownShows(condition.dropdown.parameter, condition.dropdown.label);
		return false;
	}

	/** Resolves at the second frame after `condition` holds (checked once per frame). */
	function settle(condition, timeoutMs) {
		const deadline = performance.now() + timeoutMs;
		return new Promise((resolve) => {
			const step = () =>
				requestAnimationFrame(() => {
					const ok = check(condition);
					if (ok || performance.now() > deadline) requestAnimationFrame(() => resolve({ end: performance.now(), ok }));
					else step();
				});
			step();
		});
	}

	let pending = null;

	window.__editorBench = {
		markField,
		markOption,
		findField: (field) => !!findField(field),
		dropdownShows,
		panelOpen: () => !!panel(),
		now: () => performance.now(),
		/** Times the next `type` event (captured before n8n sees it) until `condition` shows. */
		arm(type, condition, timeoutMs = 20_000) {
			pending = new Promise((resolve) => {
				addEventListener(
					type,
					(event) => {
						const start = event.timeStamp;
						settle(condition, timeoutMs).then(({ end, ok }) => resolve({ ms: end - start, ok, start, end }));
					},
					{ capture: true, once: true },
				);
			});
		},
		result: () => pending,
		longTasks: (from, to) => longTasks.filter((t) => t.start >= from && t.start <= to),
	};
})();
