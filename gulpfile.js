const { rmSync } = require('fs');
const { src, dest, parallel } = require('gulp');

// dist/ is what npm packs: start empty so files of renamed or deleted sources
// are not published.
function clean(done) {
	rmSync('dist', { recursive: true, force: true });
	done();
}

// n8n resolves `file:` icons relative to the compiled node and credential files:
// nodes use ../../icons/, credentials ../icons/, so the icons sit in dist/icons.
function copyIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

// The codex files (categories, documentation links) live next to each node.
function copyCodex() {
	return src('nodes/**/*.node.json').pipe(dest('dist/nodes'));
}

exports.clean = clean;
exports['build:icons'] = parallel(copyIcons, copyCodex);
