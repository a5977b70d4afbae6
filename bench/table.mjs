// Plain Markdown tables for the benchmark's report.

export function table(header, rows) {
	const line = (cells) => `| ${cells.join(' | ')} |`;
	return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export const seconds = (ms) => (ms === undefined || Number.isNaN(ms) ? '–' : `${(ms / 1000).toFixed(2)} s`);
export const ratio = (value, minimum) => (value === undefined || Number.isNaN(value) ? '–' : `${(value / minimum).toFixed(2)}×`);
export const percent = (part, whole) => (whole ? `${((100 * part) / whole).toFixed(1)} %` : '–');
export const megabytes = (mb) => (Number.isNaN(mb) ? '–' : `${Math.round(mb)} MB`);

export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
