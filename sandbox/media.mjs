// Files: WhatsApp media kept by media id (uploads, webhook images, a seeded
// one), attachment objects as Desk360 lists them, and a small generated PNG.
import { createHash, randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/** The media id of the document's media webhook example: downloadable from the start. */
export const EXAMPLE_MEDIA_ID = '83518734-56a9-4b51-8372-93f1432cfa9b';

/** The file the auto-reply webhook names. */
export const EXAMPLE_PDF = { id: 'business-plan', name: 'business-plan.pdf' };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes) {
	let crc = 0xffffffff;
	for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

/** A valid 16x16 PNG of one colour. */
export function pngImage([red, green, blue] = [37, 99, 235]) {
	const size = 16;
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
	const row = Buffer.from([0, ...Array.from({ length: size }, () => [red, green, blue]).flat()]);
	const pixels = Buffer.concat(Array.from({ length: size }, () => row));
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(pixels)),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

/** A valid one-page PDF without content. */
export function pdfDocument() {
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
	];
	let text = '%PDF-1.4\n';
	const offsets = objects.map((object, index) => {
		const offset = text.length;
		text += `${index + 1} 0 obj\n${object}\nendobj\n`;
		return offset;
	});
	const xref = text.length;
	text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	text += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
	text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(text, 'latin1');
}

export function sha256(bytes) {
	return createHash('sha256').update(bytes).digest('hex');
}

/** Keeps a file as WhatsApp media; returns its media id. */
/** @param {string} [id] */
export function storeMedia(media, { bytes, type, name }, id = randomUUID()) {
	media.set(id, { bytes, type, name, sha256: sha256(bytes) });
	return id;
}

export function seedMedia(media) {
	storeMedia(media, { bytes: pngImage(), type: 'image/png', name: 'sandbox-example.png' }, EXAMPLE_MEDIA_ID);
	storeMedia(media, { bytes: pdfDocument(), type: 'application/pdf', name: EXAMPLE_PDF.name }, EXAMPLE_PDF.id);
}

/** Desk360's attachment groups: images, videos, files, others. */
function groupOf(type) {
	if (type.startsWith('image/')) return 'images';
	if (type.startsWith('video/')) return 'videos';
	if (type.startsWith('text/') || type.startsWith('application/')) return 'files';
	return 'others';
}

/** A message's `attachments` object for uploaded files; the URLs are the sandbox's own. */
export function attachmentsOf(files, media, baseUrl) {
	const groups = { images: [], videos: [], files: [], others: [] };
	for (const file of files) {
		const id = storeMedia(media, file);
		groups[groupOf(file.type)].push({
			url: `${baseUrl}/__sandbox/files/${id}/${encodeURIComponent(file.name)}`,
			name: file.name,
			type: groupOf(file.type).replace(/s$/, ''),
			aws: false,
		});
	}
	return groups;
}

/** An answer that carries a stored file's bytes. */
export function fileAnswer(file, disposition = 'attachment') {
	return {
		status: 200,
		bytes: file.bytes,
		headers: {
			'Content-Type': file.type,
			'Content-Length': String(file.bytes.length),
			'Content-Disposition': `${disposition}; filename="${file.name.replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
		},
	};
}
