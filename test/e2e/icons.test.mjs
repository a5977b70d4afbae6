// End-to-end: each node icon at n8n's 40 px on a light and a dark canvas, in
// headless Chromium. Keeps the renders as artefacts in test/e2e/artifacts/ and
// measures them: an icon must stand out from the canvas it is made for.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';

const ICONS = join(import.meta.dirname, '..', '..', 'icons');
const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SIZE = 40;
// n8n's canvas backgrounds in its light and dark themes.
const CANVASES = { light: '#ffffff', dark: '#2d2e2e' };
const MARKS = ['desk360', 'sendbirdDesk'];

let browser;
let page;
let userDataDir;

before(async () => {
	mkdirSync(ARTIFACTS, { recursive: true });
	userDataDir = mkdtempSync(join(tmpdir(), 'helpdesk-chromium-'));
	browser = await puppeteer.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: [
			'--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
			'--disable-component-update', '--disable-sync', `--user-data-dir=${userDataDir}`,
		],
	});
	page = await browser.newPage();
	await page.setViewport({ width: SIZE, height: SIZE, deviceScaleFactor: 1 });
});

after(async () => {
	await browser?.close();
	if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

/** Renders the SVG as n8n does (an <img>) and returns the PNG and its pixels. */
async function render(svg, background) {
	const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
	await page.setContent(
		`<body style="margin:0;background:${background}"><img src="${source}" width="${SIZE}" height="${SIZE}" style="display:block"></body>`,
	);
	await page.$eval('img', (img) => img.decode());
	const png = await page.screenshot({ clip: { x: 0, y: 0, width: SIZE, height: SIZE } });
	// The pixels of the very PNG kept as the artefact.
	const pixels = await page.evaluate(async (data) => {
		const image = new Image();
		image.src = `data:image/png;base64,${data}`;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = image.width;
		canvas.height = image.height;
		const context = canvas.getContext('2d');
		context.drawImage(image, 0, 0);
		return [...context.getImageData(0, 0, image.width, image.height).data];
	}, Buffer.from(png).toString('base64'));
	return { png, pixels };
}

// WCAG 2 relative luminance and contrast ratio.
function luminance([r, g, b]) {
	const channel = (value) => {
		const c = value / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a, b) {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (light + 0.05) / (dark + 0.05);
}

/** Share of the pixels whose contrast with the canvas is at least `ratio`. */
function shareAtContrast(pixels, background, ratio) {
	const canvas = [1, 3, 5].map((index) => parseInt(background.slice(index, index + 2), 16));
	let count = 0;
	for (let index = 0; index < pixels.length; index += 4) {
		if (contrast(pixels.slice(index, index + 3), canvas) >= ratio) count++;
	}
	return count / (pixels.length / 4);
}

for (const mark of MARKS) {
	describe(`${mark} icon`, () => {
		for (const variant of ['light', 'dark']) {
			const file = variant === 'light' ? `${mark}.svg` : `${mark}.${variant}.svg`;
			const svg = readFileSync(join(ICONS, file), 'utf8');

			it(`${file} is drawn with paths, without text or fonts`, () => {
				assert.doesNotMatch(svg, /<text|<tspan|font/i);
				const elements = [...svg.matchAll(/<([a-zA-Z]+)/g)].map(([, name]) => name);
				assert.deepEqual([...new Set(elements)].sort(), ['path', 'svg']);
			});

			for (const [canvas, background] of Object.entries(CANVASES)) {
				it(`${file} at ${SIZE} px on the ${canvas} canvas`, async () => {
					const { png, pixels } = await render(svg, background);
					writeFileSync(join(ARTIFACTS, `icon-${mark}-${variant}-on-${canvas}.png`), png);
					if (variant === canvas) {
						// The canvas n8n shows this variant on: a clearly contrasting mark
						// (WCAG's 3:1 for graphics) over a good part of the square.
						const share = shareAtContrast(pixels, background, 3);
						assert.ok(share >= 0.2, `only ${(share * 100).toFixed(1)} % of the pixels contrast 3:1 with ${background}`);
					} else {
						// Not what n8n pairs it with, but it must still show.
						const share = shareAtContrast(pixels, background, 1.5);
						assert.ok(share >= 0.2, `only ${(share * 100).toFixed(1)} % of the pixels differ from ${background}`);
					}
				});
			}
		}
	});
}
