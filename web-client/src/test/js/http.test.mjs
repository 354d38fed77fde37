import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportPath, fileNameFromDisposition } from '../../main/resources/webroot/js/api/http.js';

test('the file name comes from Content-Disposition, extended form first', () => {
  assert.equal(fileNameFromDisposition('attachment; filename="jugendhilfe-2026-03-14.pdf"', 'x.pdf'), 'jugendhilfe-2026-03-14.pdf');
  assert.equal(fileNameFromDisposition('attachment; filename=plain.csv', 'x.csv'), 'plain.csv');
  assert.equal(fileNameFromDisposition("attachment; filename=\"fallback.md\"; filename*=UTF-8''%C3%9Cbergang%20Schule.md", 'x.md'), 'Übergang Schule.md');
  assert.equal(fileNameFromDisposition('attachment; filename="say \\"hi\\".json"', 'x.json'), 'say "hi".json');
});

test('no usable name gives the fallback; folders are dropped', () => {
  assert.equal(fileNameFromDisposition(null, 'werkraum.png'), 'werkraum.png');
  assert.equal(fileNameFromDisposition('attachment', 'werkraum.png'), 'werkraum.png');
  assert.equal(fileNameFromDisposition('attachment; filename=""', 'werkraum.png'), 'werkraum.png');
  assert.equal(fileNameFromDisposition('attachment; filename="../../etc/passwd"', 'werkraum.svg'), 'passwd');
  assert.equal(fileNameFromDisposition('attachment; filename="a\\\\..\\\\b.svg"', 'werkraum.svg'), 'b.svg');
  assert.equal(fileNameFromDisposition("attachment; filename*=UTF-8''%E0%A4%A", 'werkraum.svg'), 'werkraum.svg');
});

test('export paths name the format, the room, the snapshot and the language', () => {
  assert.equal(exportPath('b1', 'pdf', { lang: 'de' }), '/api/boards/b1/export/pdf?lang=de');
  assert.equal(exportPath('b1', 'png', { room: 'r-1', snapshot: 's-9', lang: 'en' }), '/api/boards/b1/export/png?room=r-1&snapshot=s-9&lang=en');
  assert.equal(exportPath('b1', 'csv', { lang: 'fr' }), '/api/boards/b1/export/csv?lang=en');
  assert.equal(exportPath('b1', 'json'), '/api/boards/b1/export/json?lang=en');
});
